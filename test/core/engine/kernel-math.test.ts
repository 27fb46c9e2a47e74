/**
 * The fused kernel's vector activations (tanh, σ, elu through its own expf) against float64 Math, over a
 * dense grid of [−100, 100] plus the edges: tiny inputs, the ends of the approximations' pieces, saturation,
 * float32's exp range, ±Infinity and NaN. Measured here: tanh ≤ 1.1e-7, σ ≤ 8.9e-8, elu ≤ 4.6e-8 absolute.
 * Derivatives come from the outputs, as the tfjs path takes them.
 */
import { describe, expect, it } from 'vitest';
import { kernelArena, recurrentKernel } from '../../../core/engine/kernels/recurrent-kernel';

const TANH = 0;
const SIGMOID = 1;
const ELU = 4;
const EDGES = [
  0, -0, 1e-8, -1e-8, 3.9e-4, 4.1e-4, -4.1e-4, 0.74, 0.76, -0.76, 7.9, 7.91, 9, 20, 87, 88.7, 89, 104, -87, -87.4, -88,
  -104, -200, 1e30, -1e30,
];

function apply(kind: number, xs: Float32Array): { y: Float32Array; d: Float32Array } {
  const k = recurrentKernel()!;
  const a = kernelArena();
  a.reset();
  const y = a.put(xs);
  const d = a.alloc(xs.length);
  k.activate(kind, y, d, xs.length);
  return { y: a.f32(y, xs.length).slice(), d: a.f32(d, xs.length).slice() };
}

function grid(): Float32Array {
  const n = 400_001;
  const xs = new Float32Array(n + EDGES.length);
  for (let i = 0; i < n; i++) xs[i] = -100 + (200 * i) / (n - 1);
  xs.set(EDGES, n);
  return xs;
}

function worstAbs(xs: Float32Array, y: Float32Array, f: (x: number) => number): { err: number; at: number } {
  let err = 0;
  let at = 0;
  for (let i = 0; i < xs.length; i++) {
    const e = Math.abs(y[i]! - f(xs[i]!));
    if (!(e <= err)) [err, at] = [e, xs[i]!];
  }
  return { err, at };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const elu = (x: number) => (x < 0 ? Math.expm1(x) : x);

describe('fused kernel vector activations', () => {
  const xs = grid();

  it('tanh within 3e-7 across the range, exactly ±1 in saturation, odd, x itself near 0', () => {
    const { y, d } = apply(TANH, xs);
    const w = worstAbs(xs, y, Math.tanh);
    console.log(`tanh worst |error| ${w.err.toExponential(2)} at ${w.at}`);
    expect(w.err, `at x = ${w.at}`).toBeLessThanOrEqual(3e-7);
    const [p, m, tiny] = [EDGES.indexOf(20), EDGES.indexOf(-104), EDGES.indexOf(1e-8)].map(
      (i) => xs.length - EDGES.length + i,
    );
    expect([y[p!], y[m!], y[tiny!]]).toEqual([1, -1, Math.fround(1e-8)]);
    let off = 0;
    for (let i = 0; i < xs.length; i++) if (d[i] !== Math.fround(1 - Math.fround(y[i]! * y[i]!))) off++;
    expect(off, "tanh' entries other than 1 − y²").toBe(0);
  });

  it('σ within 1.5e-7 absolute, and relatively accurate far into the tail where its derivative lives', () => {
    const { y } = apply(SIGMOID, xs);
    const w = worstAbs(xs, y, sigmoid);
    console.log(`sigmoid worst |error| ${w.err.toExponential(2)} at ${w.at}`);
    expect(w.err, `at x = ${w.at}`).toBeLessThanOrEqual(1.5e-7);
    let rel = 0;
    for (let i = 0; i < xs.length; i++) {
      const t = sigmoid(xs[i]!);
      if (t > 1e-37) rel = Math.max(rel, Math.abs(y[i]! - t) / t);
    }
    expect(rel).toBeLessThan(1e-6);
  });

  it('elu within 1e-7 absolute', () => {
    const { y } = apply(ELU, xs);
    const w = worstAbs(xs, y, elu);
    expect(w.err, `at x = ${w.at}`).toBeLessThanOrEqual(1e-7);
  });

  it('NaN stays NaN and ±Infinity saturates', () => {
    const special = Float32Array.from([NaN, Infinity, -Infinity]);
    expect(Array.from(apply(TANH, special).y)).toEqual([NaN, 1, -1]);
    expect(Array.from(apply(SIGMOID, special).y)).toEqual([NaN, 1, 0]);
    expect(Array.from(apply(ELU, special).y)).toEqual([NaN, Infinity, -1]);
  });

  it('a value does not depend on whether it falls in a vector block or the scalar tail', () => {
    for (const kind of [TANH, SIGMOID, ELU]) {
      const whole = apply(kind, xs.subarray(0, 1008)).y;
      for (let i = 0; i < 7; i++) expect(apply(kind, xs.subarray(1000 + i, 1001 + i)).y[0]).toBe(whole[1000 + i]);
    }
  });
});

describe('fused kernel saturation count', () => {
  it('counts |x| < threshold exactly as float64 does, thresholds on and between float32 values', () => {
    const xs = Float32Array.from({ length: 1003 }, (_, i) => (i % 2 ? -1 : 1) * Math.fround(0.01 + (i - 500) * 1e-9));
    const k = recurrentKernel()!;
    const a = kernelArena();
    a.reset();
    const p = a.put(xs);
    for (const thr of [0.01, Math.fround(0.01), 0.0100001, 0.5, 0]) {
      const want = xs.filter((x) => Math.abs(x) < thr).length;
      expect(k.countBelow(p, xs.length, thr), `threshold ${thr}`).toBe(want);
    }
  });
});
