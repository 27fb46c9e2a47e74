/** Test fixtures shared by the engine tests: seeded small models and batches in both reference and engine form. */
import type { Batch, LossKind } from '../../../core/tasks/types';
import type { HostTensor, ModelShape } from '../../../core/engine/model';
import { G, type RefAct, type RefBatch, type RefCell, type RefModel, type RefParams } from './reference/model';

/** Deterministic uniform [0, 1) generator for fixtures. */
export function fixtureRng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** float32-rounded so that the engine (float32) and the reference (float64) see identical numbers. */
const f32 = (v: number) => Math.fround(v);

export interface CaseOptions {
  cell: RefCell;
  act: RefAct;
  layers: number;
  loss: LossKind;
  T?: number;
  B?: number;
  H?: number;
  inSize?: number;
  outSize?: number;
  /** Scale of Wh entries (uniform in ±scale/√H). */
  whScale?: number;
  wxScale?: number;
  seed?: number;
  mask?: boolean;
}

export interface Case {
  m: RefModel;
  p: RefParams;
  batch: RefBatch;
}

export function makeCase(o: CaseOptions): Case {
  const rnd = fixtureRng(o.seed ?? 7);
  const T = o.T ?? 5;
  const B = o.B ?? 3;
  const H = o.H ?? 4;
  const inSize = o.inSize ?? 3;
  const outSize = o.outSize ?? 3;
  const m: RefModel = { cell: o.cell, act: o.act, layers: o.layers, H, inSize, outSize };
  const GH = G[o.cell] * H;
  const u = (n: number, s: number) => Float64Array.from({ length: n }, () => f32((2 * rnd() - 1) * s));
  const whs = (o.whScale ?? 1.5) / Math.sqrt(H);
  const p: RefParams = {
    layers: Array.from({ length: o.layers }, (_, l) => ({
      Wx: u((l === 0 ? inSize : H) * GH, (o.wxScale ?? 1) / Math.sqrt(l === 0 ? inSize : H)),
      Wh: u(H * GH, whs),
      bx: u(GH, 0.3),
      bh: u(GH, 0.3),
    })),
    W: u(H * outSize, 1 / Math.sqrt(H)),
    b: u(outSize, 0.2),
  };
  // ReLU's kink at 0: an LSTM with relu gets c_t = 0 exactly whenever a_g < 0, where finite differences
  // average the two one-sided slopes. Shift the g gate positive so the check stays on smooth ground.
  if (o.cell === 'lstm' && o.act === 'relu')
    for (const L of p.layers) for (let j = 2 * H; j < 3 * H; j++) L.bx[j] = f32(L.bx[j]! + 3);
  const all = o.loss.endsWith('_all');
  const N = all ? T * B : B;
  const x = u(T * B * inSize, 1);
  const y = o.loss.startsWith('mse')
    ? u(N * outSize, 1)
    : Float64Array.from({ length: N }, () => Math.floor(rnd() * outSize));
  const mask = all && o.mask ? Float64Array.from({ length: N }, (_, n) => (n % 4 === 1 ? 0 : 1)) : undefined;
  return { m, p, batch: { T, B, x, loss: o.loss, y, mask } };
}

export function engineShape(m: RefModel): ModelShape {
  return { cell: m.cell, activation: m.act, layers: m.layers, hidden: m.H, inputSize: m.inSize, outputSize: m.outSize };
}

export function engineParams(m: RefModel, p: RefParams): HostTensor[] {
  const GH = G[m.cell] * m.H;
  const out: HostTensor[] = [];
  p.layers.forEach((L, l) => {
    const inSize = l === 0 ? m.inSize : m.H;
    out.push({ name: `layer${l}.Wx`, shape: [inSize, GH], data: Float32Array.from(L.Wx) });
    out.push({ name: `layer${l}.Wh`, shape: [m.H, GH], data: Float32Array.from(L.Wh) });
    out.push({ name: `layer${l}.bx`, shape: [GH], data: Float32Array.from(L.bx) });
    out.push({ name: `layer${l}.bh`, shape: [GH], data: Float32Array.from(L.bh) });
  });
  out.push({ name: 'readout.W', shape: [m.H, m.outSize], data: Float32Array.from(p.W) });
  out.push({ name: 'readout.b', shape: [m.outSize], data: Float32Array.from(p.b) });
  return out;
}

export function engineBatch(m: RefModel, b: RefBatch): Batch {
  const x = Float32Array.from(b.x);
  const mask = b.mask ? Float32Array.from(b.mask) : undefined;
  switch (b.loss) {
    case 'mse_last':
      return { T: b.T, B: b.B, inputSize: m.inSize, x, target: { kind: 'mse_last', y: Float32Array.from(b.y) } };
    case 'mse_all':
      return { T: b.T, B: b.B, inputSize: m.inSize, x, target: { kind: 'mse_all', y: Float32Array.from(b.y), mask } };
    case 'xent_last':
      return { T: b.T, B: b.B, inputSize: m.inSize, x, target: { kind: 'xent_last', y: Int32Array.from(b.y) } };
    case 'xent_all':
      return { T: b.T, B: b.B, inputSize: m.inSize, x, target: { kind: 'xent_all', y: Int32Array.from(b.y), mask } };
  }
}

/** max |a − b| / max |b|: the error of a whole tensor relative to its scale. */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return den === 0 ? num : num / den;
}

/** Largest elementwise relative error |a − b| / |b| (for norms, each judged against itself). */
export function maxElemRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    e = Math.max(e, b[i] === 0 ? d : d / Math.abs(b[i]!));
  }
  return e;
}
