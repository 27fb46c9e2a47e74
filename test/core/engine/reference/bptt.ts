/** Hand-written float64 BPTT over the reference forward (see ./model). */
import { act, dact, G, lossRows, refForward, type RefBatch, type RefModel, type RefParams } from './model';

export interface RefGrads {
  loss: number;
  layers: { Wx: Float64Array; Wh: Float64Array; bx: Float64Array; bh: Float64Array }[];
  W: Float64Array;
  b: Float64Array;
  /** dH[l][t]: ∂L/∂h^l_t as [B·H]; dC likewise for LSTM. */
  dH: Float64Array[][];
  dC: Float64Array[][];
}

const sig = (a: number) => 1 / (1 + Math.exp(-a));

export function refGradients(m: RefModel, p: RefParams, batch: RefBatch): RefGrads {
  const { T, B } = batch;
  const H = m.H;
  const O = m.outSize;
  const GH = G[m.cell] * H;
  const fw = refForward(m, p, batch);
  const { rows, weights } = lossRows(m, batch);
  const W = new Float64Array(H * O);
  const bO = new Float64Array(O);
  // ext[t][b]: external ∂L/∂h_t (from readout or the layer above)
  let ext: Float64Array[][] = Array.from({ length: T }, () => Array.from({ length: B }, () => new Float64Array(H)));
  rows.forEach(([t, b], n) => {
    const h = fw.cache[m.layers - 1]![t]![b]!.h;
    const dOut = new Float64Array(O);
    const w = weights[n]!;
    if (batch.loss.startsWith('mse'))
      for (let o = 0; o < O; o++) dOut[o] = 2 * w * (fw.out[n * O + o]! - batch.y[n * O + o]!);
    else if (w > 0) {
      const logits = fw.out.slice(n * O, (n + 1) * O);
      const mx = Math.max(...logits);
      const e = logits.map((v) => Math.exp(v - mx));
      const z = e.reduce((a, v) => a + v, 0);
      for (let o = 0; o < O; o++) dOut[o] = w * (e[o]! / z - (o === batch.y[n] ? 1 : 0));
    }
    for (let o = 0; o < O; o++) {
      bO[o]! += dOut[o]!;
      for (let k = 0; k < H; k++) {
        W[k * O + o]! += h[k]! * dOut[o]!;
        ext[t]![b]![k]! += dOut[o]! * p.W[k * O + o]!;
      }
    }
  });
  const layers: RefGrads['layers'] = new Array(m.layers);
  const dH: Float64Array[][] = new Array(m.layers);
  const dC: Float64Array[][] = new Array(m.layers);
  for (let l = m.layers - 1; l >= 0; l--) {
    const L = p.layers[l]!;
    const inSize = l === 0 ? m.inSize : H;
    const g = {
      Wx: new Float64Array(inSize * GH),
      Wh: new Float64Array(H * GH),
      bx: new Float64Array(GH),
      bh: new Float64Array(GH),
    };
    const below: Float64Array[][] = Array.from({ length: T }, () =>
      Array.from({ length: B }, () => new Float64Array(inSize)),
    );
    dH[l] = Array.from({ length: T }, () => new Float64Array(B * H));
    dC[l] = Array.from({ length: T }, () => new Float64Array(B * H));
    for (let b = 0; b < B; b++) {
      let dhNext = new Float64Array(H);
      let dcNext = new Float64Array(H);
      for (let t = T - 1; t >= 0; t--) {
        const s = fw.cache[l]![t]![b]!;
        const dh = new Float64Array(H);
        for (let j = 0; j < H; j++) dh[j] = ext[t]![b]![j]! + dhNext[j]!;
        dH[l]![t]!.set(dh, b * H);
        const dax = new Float64Array(GH);
        const dah = new Float64Array(GH);
        const dhDirect = new Float64Array(H);
        const dcPrev = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          if (m.cell === 'rnn') {
            const a = s.ax[j]! + s.ah[j]!;
            dax[j] = dah[j] = dh[j]! * dact(m.act, a);
          } else if (m.cell === 'lstm') {
            const a = (k: number) => s.ax[k * H + j]! + s.ah[k * H + j]!;
            const [i, f, o] = [sig(a(0)), sig(a(1)), sig(a(3))];
            const gg = act(m.act, a(2));
            const dc = dcNext[j]! + dh[j]! * o * dact(m.act, s.c[j]!);
            dC[l]![t]![b * H + j] = dc;
            dax[j] = dc * gg * i * (1 - i);
            dax[H + j] = dc * s.cPrev[j]! * f * (1 - f);
            dax[2 * H + j] = dc * i * dact(m.act, a(2));
            dax[3 * H + j] = dh[j]! * act(m.act, s.c[j]!) * o * (1 - o);
            for (let k = 0; k < 4; k++) dah[k * H + j] = dax[k * H + j]!;
            dcPrev[j] = dc * f;
          } else {
            const r = sig(s.ax[j]! + s.ah[j]!);
            const z = sig(s.ax[H + j]! + s.ah[H + j]!);
            const an = s.ax[2 * H + j]! + r * s.ah[2 * H + j]!;
            const n = act(m.act, an);
            const dn = dh[j]! * (1 - z);
            const dz = dh[j]! * (s.hPrev[j]! - n);
            dhDirect[j] = dh[j]! * z;
            const dan = dn * dact(m.act, an);
            const dr = dan * s.ah[2 * H + j]!;
            dax[j] = dah[j] = dr * r * (1 - r);
            dax[H + j] = dah[H + j] = dz * z * (1 - z);
            dax[2 * H + j] = dan;
            dah[2 * H + j] = dan * r;
          }
        }
        for (let q = 0; q < GH; q++) {
          g.bx[q]! += dax[q]!;
          g.bh[q]! += dah[q]!;
          for (let i = 0; i < inSize; i++) {
            g.Wx[i * GH + q]! += s.xin[i]! * dax[q]!;
            below[t]![b]![i]! += dax[q]! * L.Wx[i * GH + q]!;
          }
          for (let k = 0; k < H; k++) g.Wh[k * GH + q]! += s.hPrev[k]! * dah[q]!;
        }
        dhNext = new Float64Array(H);
        for (let k = 0; k < H; k++) {
          let v = dhDirect[k]!;
          for (let q = 0; q < GH; q++) v += dah[q]! * L.Wh[k * GH + q]!;
          dhNext[k] = v;
        }
        dcNext = dcPrev;
      }
    }
    layers[l] = g;
    ext = below;
  }
  return { loss: fw.loss, layers, W, b: bO, dH, dC };
}

/** ||v[b·H .. ]||_2 over the whole [B·H] array, float64 with max-scaling (values here can be ~1e-30). */
export function refNorm(v: Float64Array): number {
  let mx = 0;
  for (const x of v) mx = Math.max(mx, Math.abs(x));
  if (mx === 0) return 0;
  let s = 0;
  for (const x of v) s += (x / mx) ** 2;
  return mx * Math.sqrt(s);
}
