/**
 * An independent float64 implementation of the engine's math, used only by tests: plain loops over
 * Float64Arrays, forward with additive probes on every h_t (and c_t), and a hand-written BPTT. It is
 * itself checked against central finite differences (reference.test.ts) before the engine is checked
 * against it. Layouts follow the contract: Wx [in][G·H], Wh [H][G·H], row-major; gate blocks i,f,g,o / r,z,n.
 */
export type RefCell = 'rnn' | 'lstm' | 'gru';
export type RefAct = 'tanh' | 'sigmoid' | 'relu' | 'leaky_relu' | 'elu' | 'linear';
export type RefLoss = 'mse_last' | 'mse_all' | 'xent_last' | 'xent_all';

export interface RefModel {
  cell: RefCell;
  act: RefAct;
  layers: number;
  H: number;
  inSize: number;
  outSize: number;
}
export interface RefLayer {
  Wx: Float64Array;
  Wh: Float64Array;
  bx: Float64Array;
  bh: Float64Array;
}
export interface RefParams {
  layers: RefLayer[];
  W: Float64Array;
  b: Float64Array;
}
export interface RefBatch {
  T: number;
  B: number;
  x: Float64Array;
  loss: RefLoss;
  /** mse: [N][out] values; xent: N class ids. N = B (last) or T·B (all), row n = t·B + b. */
  y: Float64Array;
  mask?: Float64Array;
}
/** Additive probes: ph[l][t] and pc[l][t] are [B·H] arrays (zeros give the plain forward). */
export interface RefProbes {
  ph: Float64Array[][];
  pc: Float64Array[][];
}

export const G: Record<RefCell, number> = { rnn: 1, lstm: 4, gru: 3 };
const sig = (a: number) => 1 / (1 + Math.exp(-a));
export function act(name: RefAct, a: number): number {
  switch (name) {
    case 'tanh':
      return Math.tanh(a);
    case 'sigmoid':
      return sig(a);
    case 'relu':
      return a > 0 ? a : 0;
    case 'leaky_relu':
      return a > 0 ? a : 0.01 * a;
    case 'elu':
      return a > 0 ? a : Math.exp(a) - 1;
    case 'linear':
      return a;
  }
}
export function dact(name: RefAct, a: number): number {
  switch (name) {
    case 'tanh':
      return 1 - Math.tanh(a) ** 2;
    case 'sigmoid':
      return sig(a) * (1 - sig(a));
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'leaky_relu':
      return a > 0 ? 1 : 0.01;
    case 'elu':
      return a > 0 ? 1 : Math.exp(a);
    case 'linear':
      return 1;
  }
}

export function zeroProbes(m: RefModel, T: number, B: number): RefProbes {
  const mk = () => Array.from({ length: m.layers }, () => Array.from({ length: T }, () => new Float64Array(B * m.H)));
  return { ph: mk(), pc: mk() };
}

interface StepCache {
  ax: Float64Array; // [GH] x·Wx + bx
  ah: Float64Array; // [GH] h·Wh + bh
  hPrev: Float64Array;
  cPrev: Float64Array;
  c: Float64Array; // probed c_t (lstm)
  h: Float64Array; // probed h_t
  xin: Float64Array;
}

export interface RefForward {
  loss: number;
  /** cache[l][t][b] */
  cache: StepCache[][][];
  out: Float64Array;
}

function rowTimes(v: Float64Array, M: Float64Array, cols: number, bias: Float64Array): Float64Array {
  const out = Float64Array.from(bias);
  for (let k = 0; k < v.length; k++) for (let j = 0; j < cols; j++) out[j]! += v[k]! * M[k * cols + j]!;
  return out;
}

export function refForward(m: RefModel, p: RefParams, batch: RefBatch, probes?: RefProbes): RefForward {
  const { T, B } = batch;
  const H = m.H;
  const GH = G[m.cell] * H;
  const pr = probes ?? zeroProbes(m, T, B);
  const cache: StepCache[][][] = [];
  // inputs[t][b]
  let inputs: Float64Array[][] = Array.from({ length: T }, (_, t) =>
    Array.from({ length: B }, (_, b) => batch.x.slice((t * B + b) * m.inSize, (t * B + b + 1) * m.inSize)),
  );
  for (let l = 0; l < m.layers; l++) {
    const L = p.layers[l]!;
    const lc: StepCache[][] = [];
    const outs: Float64Array[][] = [];
    const hs = Array.from({ length: B }, () => new Float64Array(H));
    const cs = Array.from({ length: B }, () => new Float64Array(H));
    for (let t = 0; t < T; t++) {
      const row: StepCache[] = [];
      const orow: Float64Array[] = [];
      for (let b = 0; b < B; b++) {
        const xin = inputs[t]![b]!;
        const ax = rowTimes(xin, L.Wx, GH, L.bx);
        const ah = rowTimes(hs[b]!, L.Wh, GH, L.bh);
        const h = new Float64Array(H);
        const c = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          if (m.cell === 'rnn') h[j] = act(m.act, ax[j]! + ah[j]!);
          else if (m.cell === 'lstm') {
            const a = (g: number) => ax[g * H + j]! + ah[g * H + j]!;
            c[j] = sig(a(1)) * cs[b]![j]! + sig(a(0)) * act(m.act, a(2)) + pr.pc[l]![t]![b * H + j]!;
            h[j] = sig(a(3)) * act(m.act, c[j]!);
          } else {
            const r = sig(ax[j]! + ah[j]!);
            const z = sig(ax[H + j]! + ah[H + j]!);
            const n = act(m.act, ax[2 * H + j]! + r * ah[2 * H + j]!);
            h[j] = (1 - z) * n + z * hs[b]![j]!;
          }
          h[j]! += pr.ph[l]![t]![b * H + j]!;
        }
        row.push({ ax, ah, hPrev: hs[b]!, cPrev: cs[b]!, c, h, xin });
        hs[b] = h;
        cs[b] = c;
        orow.push(h);
      }
      lc.push(row);
      outs.push(orow);
    }
    cache.push(lc);
    inputs = outs;
  }
  const { rows, weights } = lossRows(m, batch);
  const O = m.outSize;
  const out = new Float64Array(rows.length * O);
  let loss = 0;
  rows.forEach(([t, b], n) => {
    const h = cache[m.layers - 1]![t]![b]!.h;
    for (let o = 0; o < O; o++) {
      let s = p.b[o]!;
      for (let k = 0; k < H; k++) s += h[k]! * p.W[k * O + o]!;
      out[n * O + o] = s;
    }
    const w = weights[n]!;
    if (batch.loss.startsWith('mse'))
      for (let o = 0; o < O; o++) loss += w * (out[n * O + o]! - batch.y[n * O + o]!) ** 2;
    else if (w > 0) {
      const mx = Math.max(...out.slice(n * O, (n + 1) * O));
      let z = 0;
      for (let o = 0; o < O; o++) z += Math.exp(out[n * O + o]! - mx);
      loss -= w * (out[n * O + batch.y[n]!]! - mx - Math.log(z));
    }
  });
  return { loss, cache, out };
}

/** (t, b) of each loss row, and each row's weight (batch mean; /out for mse). */
export function lossRows(m: RefModel, batch: RefBatch): { rows: [number, number][]; weights: Float64Array } {
  const { T, B } = batch;
  const all = batch.loss.endsWith('_all');
  const rows: [number, number][] = [];
  if (all) for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) rows.push([t, b]);
  else for (let b = 0; b < B; b++) rows.push([T - 1, b]);
  const mask = batch.mask ?? new Float64Array(rows.length).fill(1);
  const total = mask.reduce((a, v) => a + v, 0);
  const per = batch.loss.startsWith('mse') ? m.outSize : 1;
  return { rows, weights: mask.map((v) => v / total / per) };
}
