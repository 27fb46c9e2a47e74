/**
 * One recurrent layer through the fused kernel: host arrays in, host arrays out. The forward pass leaves its
 * buffers (h, f'(candidate), gates, cell state) in the kernel's arena for the backward pass of the same
 * generation; ./recurrent-kernel explains the arena.
 */
import type { Activation, Cell } from '../../api/spec';
import { kernelArena, recurrentKernel } from './recurrent-kernel';
import { runSlices, workSlices } from './kernel-threads';

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
  /** The layer's input [T·B, IN] in the arena (the layer below's h, or the batch's x). */
  input: number;
  IN: number;
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
  /** ∂L/∂Wh [H, G·H] (h₋ᵀ·∂L/∂(h₋·Wh) over all steps), slices summed in float64; null when not asked. */
  dWh: Float32Array | null;
  /** ∂L/∂Wx [IN, G·H], ∂L/∂bx and ∂L/∂bh [G·H], summed like dWh; null when not asked. */
  dWx: Float32Array | null;
  dbx: Float32Array | null;
  dbh: Float32Array | null;
}

/** Milliseconds spent inside the kernel's time loops since the last reset (for bench/engine-profile.ts). */
export const fusedTimings = {
  forwardMs: 0,
  backwardMs: 0,
  forwardCalls: 0,
  backwardCalls: 0,
  weightMs: 0,
  weightCalls: 0,
};

export function resetFusedTimings(): void {
  Object.assign(fusedTimings, {
    forwardMs: 0,
    backwardMs: 0,
    forwardCalls: 0,
    backwardCalls: 0,
    weightMs: 0,
    weightCalls: 0,
  });
}

/** Starts a new generation: every earlier FusedLayer becomes invalid. */
export function beginFusedPass(): void {
  kernelArena().reset();
}

/**
 * input [T·B, IN] (host rows, or the FusedLayer below of this pass, read in place), Wx [IN, G·H], bias [G·H]
 * (the folded biases; GRU: bx only), Wh [H, G·H], bh (GRU) [G·H]. The input projection runs in the kernel.
 */
export function fusedLayerForward(
  cell: Cell,
  act: Activation,
  T: number,
  B: number,
  H: number,
  input: Float32Array | FusedLayer,
  IN: number,
  wx: Float32Array,
  bias: Float32Array,
  wh: Float32Array,
  bh: Float32Array | null,
): FusedLayer {
  const a = kernelArena();
  const GH = GATES[cell] * H;
  const N = T * B;
  if (!(input instanceof Float32Array)) check(input);
  const inP = input instanceof Float32Array ? a.put(input) : input.h;
  const wxP = a.put(wx);
  const biasP = a.put(bias);
  const xpP = a.alloc(N * GH);
  const t0 = performance.now();
  runSlices(
    'project',
    workSlices(B, N * IN * GH).map(([b0, nb]) => [T, B, b0, nb, inP, IN, wxP, biasP, GH, xpP]),
  );
  // The projection counts as forward kernel time (the profile's "time loops"); weightMs holds dWh, dWx and db.
  fusedTimings.forwardMs += performance.now() - t0;
  const whP = a.put(wh);
  const bhP = bh ? a.put(bh) : a.alloc(GH);
  const h = a.alloc(N * H);
  const d = a.alloc(N * H);
  const s = cell === 'rnn' ? 0 : a.alloc(N * GH);
  const c = cell === 'lstm' ? a.alloc(N * H) : 0;
  const fc = cell === 'lstm' ? a.alloc(N * H) : 0;
  const hn = cell === 'gru' ? a.alloc(N * H) : 0;
  const slices = workSlices(B, T * B * H * GH);
  const args = slices.map(([b0, nb]) => {
    const scratch = a.alloc(nb * GH);
    return [CELL_ID[cell], ACT_ID[act], T, B, b0, nb, H, xpP, whP, bhP, h, d, s, c, fc, hn, scratch];
  });
  const t1 = performance.now();
  runSlices('forward', args);
  fusedTimings.forwardMs += performance.now() - t1;
  fusedTimings.forwardCalls++;
  return { generation: a.generation, cell, act, T, B, H, input: inP, IN, wh: whP, h, d, s, c, fc, hn };
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

/** Share of f'(candidate) entries with |·| < threshold, counted in place by the kernel (no copy, four lanes). */
export function fusedSaturation(L: FusedLayer, threshold: number): number {
  check(L);
  const n = L.T * L.B * L.H;
  return n ? recurrentKernel()!.countBelow(L.d, n, threshold) / n : 0;
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
  weights = false,
): FusedBackward {
  check(L);
  const a = kernelArena();
  const { T, B, H, cell } = L;
  const GH = GATES[cell] * H;
  const N = T * B;
  const wht = a.alloc(GH * H);
  recurrentKernel()!.transpose(L.wh, H, GH, wht);
  const extP = a.put(ext);
  const extLogP = a.alloc(T, 8);
  if (extLog) a.f64(extLogP, T).set(extLog);
  else a.f64(extLogP, T).fill(0);
  const dxp = a.alloc(N * GH);
  const dhp = cell === 'gru' ? a.alloc(N * GH) : 0;
  // Rescaled carries share one scale per step across the batch: that pass runs as one slice.
  const slices = rescale ? [[0, B] as [number, number]] : workSlices(B, T * B * H * GH);
  const per = slices.map(([b0, nb]) => ({
    b0,
    nb,
    logs: a.alloc(T, 8),
    hNorm: a.alloc(T, 8),
    cNorm: a.alloc(T, 8),
    scratch: a.alloc(4 * nb * H),
    dWh: weights ? a.alloc(H * GH) : 0,
    dWx: weights ? a.alloc(L.IN * GH) : 0,
    dbx: weights ? a.alloc(GH) : 0,
    dbh: weights && cell === 'gru' ? a.alloc(GH) : 0,
  }));
  const rec = cell === 'gru' ? dhp : dxp;
  const t0 = performance.now();
  runSlices(
    'backward',
    per.map((p) => [
      CELL_ID[cell],
      ACT_ID[L.act],
      T,
      B,
      p.b0,
      p.nb,
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
      p.logs,
      p.hNorm,
      p.cNorm,
      p.scratch,
    ]),
  );
  fusedTimings.backwardMs += performance.now() - t0;
  fusedTimings.backwardCalls++;
  if (weights) {
    const t1 = performance.now();
    for (const p of per) {
      a.f32(p.dWh, H * GH).fill(0);
      a.f32(p.dWx, L.IN * GH).fill(0);
      a.f32(p.dbx, GH).fill(0);
      if (p.dbh) a.f32(p.dbh, GH).fill(0);
    }
    runSlices(
      'gradRecurrent',
      per.map((p) => [T, B, p.b0, p.nb, L.h, H, rec, GH, p.dWh]),
    );
    runSlices(
      'gradInput',
      per.map((p) => [T, B, p.b0, p.nb, L.input, L.IN, dxp, GH, p.dWx, p.dbx]),
    );
    // GRU's recurrent bias sits inside r⊙(·): its gradient is the column sums of dhp (M = 0: no matrix part).
    if (cell === 'gru')
      runSlices(
        'gradInput',
        per.map((p) => [T, B, p.b0, p.nb, L.input, 0, dhp, GH, p.dWx, p.dbh]),
      );
    fusedTimings.weightMs += performance.now() - t1;
    fusedTimings.weightCalls++;
  }
  const sum = (pick: (p: (typeof per)[number]) => number, n: number) =>
    weights ? sumSlices(a, per.map(pick), n) : null;
  const generation = a.generation;
  // Copied out only when read: the lowest layer's dxp is not needed once the weights' gradients are in.
  const rows = (p: number) => () => {
    if (generation !== kernelArena().generation) throw new Error('Fused backward rows read after a later forward pass');
    return a.f32(p, N * GH).slice();
  };
  const dxpRows = rows(dxp);
  const dhpRows = rows(dhp);
  const dbx = sum((p) => p.dbx, GH);
  return {
    get dxp() {
      return dxpRows();
    },
    get dhp() {
      return cell === 'gru' ? dhpRows() : null;
    },
    logs: a.f64(per[0]!.logs, T).slice(),
    hNorms: sliceNorms(
      a,
      per.map((p) => p.hNorm),
      T,
    ),
    cNorms:
      cell === 'lstm'
        ? sliceNorms(
            a,
            per.map((p) => p.cNorm),
            T,
          )
        : null,
    dWh: sum((p) => p.dWh, H * GH),
    dWx: sum((p) => p.dWx, L.IN * GH),
    dbx,
    dbh: cell === 'gru' ? sum((p) => p.dbh, GH) : dbx && dbx.slice(),
  };
}

/** Per-step norms of the whole batch from the slices' norms: √(Σ ||slice||²), in float64. */
function sliceNorms(a: ReturnType<typeof kernelArena>, ptrs: number[], T: number): number[] {
  const sq = new Float64Array(T);
  for (const p of ptrs) {
    const v = a.f64(p, T);
    for (let t = 0; t < T; t++) sq[t]! += v[t]! * v[t]!;
  }
  return ptrs.length === 1 ? Array.from(a.f64(ptrs[0]!, T)) : Array.from(sq, Math.sqrt);
}

/** The slices' partial sums added in float64, then rounded once to float32. */
function sumSlices(a: ReturnType<typeof kernelArena>, ptrs: number[], n: number): Float32Array {
  if (ptrs.length === 1) return a.f32(ptrs[0]!, n).slice();
  const acc = new Float64Array(n);
  for (const p of ptrs) {
    const v = a.f32(p, n);
    for (let i = 0; i < n; i++) acc[i]! += v[i]!;
  }
  return Float32Array.from(acc);
}
