/**
 * One recurrent layer through the fused kernel: host arrays in, host arrays out. The forward pass leaves its
 * buffers (h, f'(candidate), gates, cell state) in the kernel's arena for the backward pass of the same
 * generation; ./recurrent-kernel explains the arena.
 */
import type { Activation, Cell } from '../../api/spec';
import { kernelArena, recurrentKernel } from './recurrent-kernel';

const CELL_ID: Record<Cell, number> = { rnn: 0, lstm: 1, gru: 2 };
const GATES: Record<Cell, number> = { rnn: 1, lstm: 4, gru: 3 };
const ACT_ID: Record<Activation, number> = { tanh: 0, sigmoid: 1, relu: 2, leaky_relu: 3, elu: 4, linear: 5 };

export interface FusedLayer {
  generation: number;
  cell: Cell;
  act: Activation;
  T: number;
  B: number;
  H: number;
  /** Arena offsets of the forward's buffers. */
  wh: number;
  h: number;
  d: number;
  s: number;
  c: number;
  fc: number;
  hn: number;
}

export interface FusedBackward {
  /** ∂L/∂(input projection) [T·B, G·H], step t's rows at scale e^{logs[t]}. */
  dxp: Float32Array;
  /** GRU: ∂L/∂(h₋·Wh + bh) [T·B, G·H], same scales; else null (it equals dxp). */
  dhp: Float32Array | null;
  logs: Float64Array;
  /** ||∂L/∂h_t|| and (LSTM) ||∂L/∂c_t||, index 0 is t = 1, true magnitudes in float64. */
  hNorms: number[];
  cNorms: number[] | null;
}

/** Milliseconds spent inside the kernel's time loops since the last reset (for bench/engine-profile.ts). */
export const fusedTimings = { forwardMs: 0, backwardMs: 0, forwardCalls: 0, backwardCalls: 0 };

export function resetFusedTimings(): void {
  Object.assign(fusedTimings, { forwardMs: 0, backwardMs: 0, forwardCalls: 0, backwardCalls: 0 });
}

/** Starts a new generation: every earlier FusedLayer becomes invalid. */
export function beginFusedPass(): void {
  kernelArena().reset();
}

/** xp [T·B, G·H] with the folded biases, Wh [H, G·H], bh (GRU) [G·H]. */
export function fusedLayerForward(
  cell: Cell,
  act: Activation,
  T: number,
  B: number,
  H: number,
  xp: Float32Array,
  wh: Float32Array,
  bh: Float32Array | null,
): FusedLayer {
  const k = recurrentKernel()!;
  const a = kernelArena();
  const GH = GATES[cell] * H;
  const N = T * B;
  const xpP = a.put(xp);
  const whP = a.put(wh);
  const bhP = bh ? a.put(bh) : a.alloc(GH);
  const h = a.alloc(N * H);
  const d = a.alloc(N * H);
  const s = cell === 'rnn' ? 0 : a.alloc(N * GH);
  const c = cell === 'lstm' ? a.alloc(N * H) : 0;
  const fc = cell === 'lstm' ? a.alloc(N * H) : 0;
  const hn = cell === 'gru' ? a.alloc(N * H) : 0;
  const scratch = a.alloc(B * GH);
  const t0 = performance.now();
  k.forward(CELL_ID[cell], ACT_ID[act], T, B, H, xpP, whP, bhP, h, d, s, c, fc, hn, scratch);
  fusedTimings.forwardMs += performance.now() - t0;
  fusedTimings.forwardCalls++;
  return { generation: a.generation, cell, act, T, B, H, wh: whP, h, d, s, c, fc, hn };
}

/** Rows [from, to) of the layer's h (copied out of the arena). */
export function fusedHidden(L: FusedLayer, fromRow = 0, toRow = L.T * L.B): Float32Array {
  check(L);
  return kernelArena()
    .f32(L.h + fromRow * L.H * 4, (toRow - fromRow) * L.H)
    .slice();
}

/** f'(candidate) for every step [T·B, H] (rnn a_t, lstm a_g, gru a_n), copied out. */
export function fusedDerivatives(L: FusedLayer): Float32Array {
  check(L);
  return kernelArena()
    .f32(L.d, L.T * L.B * L.H)
    .slice();
}

/** Share of f'(candidate) entries with |·| < threshold, read in place (no copy of the T·B·H buffer). */
export function fusedSaturation(L: FusedLayer, threshold: number): number {
  check(L);
  const d = kernelArena().f32(L.d, L.T * L.B * L.H);
  let n = 0;
  for (let i = 0; i < d.length; i++) if (Math.abs(d[i]!) < threshold) n++;
  return d.length ? n / d.length : 0;
}

function check(L: FusedLayer): void {
  if (L.generation !== kernelArena().generation)
    throw new Error('Fused layer trace used after a later forward pass reused its memory');
}

/**
 * Backward over all steps. ext [T·B, H]: the gradient reaching each h_t from outside the recurrence, step t
 * at scale e^{extLog[t]} (null: unscaled). rescale: carry the recurrence renormalised (for norms far below
 * float32's range; dxp then holds scaled rows).
 */
export function fusedLayerBackward(
  L: FusedLayer,
  ext: Float32Array,
  extLog: Float64Array | null,
  rescale: boolean,
): FusedBackward {
  check(L);
  const k = recurrentKernel()!;
  const a = kernelArena();
  const { T, B, H, cell } = L;
  const GH = GATES[cell] * H;
  const N = T * B;
  const wht = a.alloc(GH * H);
  k.transpose(L.wh, H, GH, wht);
  const extP = a.put(ext);
  const extLogP = a.alloc(T, 8);
  if (extLog) a.f64(extLogP, T).set(extLog);
  else a.f64(extLogP, T).fill(0);
  const dxp = a.alloc(N * GH);
  const dhp = cell === 'gru' ? a.alloc(N * GH) : 0;
  const logs = a.alloc(T, 8);
  const hNorm = a.alloc(T, 8);
  const cNorm = a.alloc(T, 8);
  const scratch = a.alloc(4 * B * H);
  const t0 = performance.now();
  k.backward(
    CELL_ID[cell],
    ACT_ID[L.act],
    T,
    B,
    H,
    rescale ? 1 : 0,
    wht,
    extP,
    extLogP,
    L.h,
    L.d,
    L.s,
    L.c,
    L.fc,
    L.hn,
    dxp,
    dhp,
    logs,
    hNorm,
    cNorm,
    scratch,
  );
  fusedTimings.backwardMs += performance.now() - t0;
  fusedTimings.backwardCalls++;
  return {
    dxp: a.f32(dxp, N * GH).slice(),
    dhp: cell === 'gru' ? a.f32(dhp, N * GH).slice() : null,
    logs: a.f64(logs, T).slice(),
    hNorms: Array.from(a.f64(hNorm, T)),
    cNorms: cell === 'lstm' ? Array.from(a.f64(cNorm, T)) : null,
  };
}
