/**
 * The vanilla-RNN Jacobian norms ||diag(f'(a))·Whᵀ||_2 (metrics/jacobian.ts, Lanczos on the backend) against
 * closed forms and a float64 dense reference, and the tridiagonal eigen-solver against its closed form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jacobianNorms, tridiagonalMax } from '../../../core/engine/metrics/jacobian';
import { topSingular } from '../../../core/engine/metrics/spectral';
import { tf } from '../../../core/engine/tf';
import { createRng } from '../../../core/engine/rng';
import { useBackend } from './setup';

/** ||D·Wᵀ||_2 of one row in float64: power iteration on D·WᵀW·D run to convergence. */
function denseNorm(d: ArrayLike<number>, w: ArrayLike<number>, H: number): number {
  const G = new Float64Array(H * H);
  for (let i = 0; i < H; i++)
    for (let j = 0; j < H; j++) for (let r = 0; r < H; r++) G[i * H + j]! += w[r * H + i]! * w[r * H + j]!;
  let v = Float64Array.from({ length: H }, (_, i) => 1 + 0.3 * Math.sin(i + 1));
  let lambda = 0;
  for (let it = 0; it < 5000; it++) {
    const x = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      let s = 0;
      for (let j = 0; j < H; j++) s += G[i * H + j]! * d[j]! * v[j]!;
      x[i] = d[i]! * s;
    }
    const n = Math.hypot(...x);
    lambda = n / Math.hypot(...v);
    v = x.map((e) => e / n);
  }
  return Math.sqrt(lambda);
}

function randomMatrix(rows: number, cols: number, seed: number, scale: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * cols }, () => (rng.next() * 2 - 1) * scale);
}

describe('Jacobian norms', () => {
  beforeAll(async () => {
    await useBackend();
  });

  it('orthogonal Wh: ||D·Qᵀ||₂ = max |d| exactly (closed form)', () => {
    const H = 24;
    const T = 5;
    const B = 3;
    const Q = tf.linalg.qr(tf.tensor2d(randomMatrix(H, H, 11, 1), [H, H]))[0] as tf.Tensor2D;
    const d = randomMatrix(T * B, H, 12, 1).map((x) => Math.abs(x));
    const got = jacobianNorms(tf.tensor2d(d, [T * B, H]), T, Q, topSingular(Q.dataSync() as Float32Array, H, H).v);
    for (let t = 0; t < T; t++) {
      let want = 0;
      for (let b = 0; b < B; b++) want += Math.max(...d.subarray((t * B + b) * H, (t * B + b + 1) * H)) / B;
      expect(Math.abs(got[t]! - want) / want).toBeLessThan(5e-3);
      expect(got[t]!).toBeLessThanOrEqual(want * (1 + 1e-5));
    }
  });

  it('a general Wh: within 1e-3 of the float64 reference, never above it, never above γ·σ_max', () => {
    const H = 32;
    const T = 4;
    const B = 2;
    const w = randomMatrix(H, H, 21, 0.3);
    // tanh derivatives of moderate pre-activations: between ~0.2 and 1.
    const d = randomMatrix(T * B, H, 22, 1.5).map((a) => 1 - Math.tanh(a) ** 2);
    const { sigma, v } = topSingular(w, H, H);
    const got = jacobianNorms(tf.tensor2d(d, [T * B, H]), T, tf.tensor2d(w, [H, H]), v);
    let worst = 0;
    for (let t = 0; t < T; t++) {
      let want = 0;
      for (let b = 0; b < B; b++) want += denseNorm(d.subarray((t * B + b) * H, (t * B + b + 1) * H), w, H) / B;
      worst = Math.max(worst, Math.abs(got[t]! - want) / want);
      expect(got[t]!).toBeLessThanOrEqual(want * (1 + 1e-5));
      expect(got[t]!).toBeLessThanOrEqual(sigma * (1 + 1e-5));
    }
    console.log(`Jacobian norms (Lanczos, 10 steps) vs float64 dense: max relative error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('tridiagonalMax', () => {
  it('matches the closed form 2 + 2·cos(π/(k+1)) of tridiag(−1, 2, −1)', () => {
    for (const k of [1, 2, 5, 12, 40]) {
      const a = new Float64Array(k).fill(2);
      const b = new Float64Array(Math.max(k - 1, 1)).fill(-1);
      const want = k === 1 ? 2 : 2 + 2 * Math.cos(Math.PI / (k + 1));
      expect(Math.abs(tridiagonalMax(a, b, k) - want)).toBeLessThan(1e-12);
    }
  });

  it('a decoupled block (β = 0) still yields the largest eigenvalue of all blocks', () => {
    const a = Float64Array.from([1, 5, 0.5, 3]);
    const b = Float64Array.from([0, 0, 0]);
    expect(tridiagonalMax(a, b, 4)).toBeCloseTo(5, 12);
  });
});
