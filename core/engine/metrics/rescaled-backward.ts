/**
 * ∂L/∂h_t (and ∂L/∂c_t) for the gradient profile, kept in range however far they vanish. float32 stops at
 * ~1e-38 (a sigmoid RNN gets there within ~50 steps), so this backward pass carries every gradient as
 * (tensor with max |·| ≈ 1, log-scale scalar) and renormalises after each step: the recurrence is linear
 * in (dh, dc), so scaling both by the same factor scales every output of a cell's backward step by it.
 * Sums of two scaled terms are formed in the log domain so no factor can overflow. Parameter gradients
 * are not formed here (the training step's own pass gives them); the host finishes each norm in float64
 * as ||scaled||·e^{logScale}.
 */
import { tf, type Scalar, type Tensor2D } from '../tf';
import { forward, type ForwardTrace } from '../forward';
import { LOSS_DEFS } from '../loss';
import { splitRows } from '../split';
import type { BatchTensors } from '../batch';
import type { ModelShape, Params } from '../model';
import { safeNorm } from './norms';
import { readoutGradientRows } from '../gradients';
import { fusedLayerBackward } from '../kernels/fused-layer';

/** A gradient as value·e^{log}: `value` has max |·| ≤ 1 (or is all zeros). */
interface Scaled {
  value: Tensor2D;
  log: Scalar;
}

const TINY = 1e-30;

/** Normalises a tensor of any magnitude to max |·| = 1, moving the magnitude into the log-scale. */
function normalise(t: Tensor2D, log: Scalar | null): Scaled {
  const m = tf.maximum(tf.max(tf.abs(t)), TINY);
  const l = tf.log(m) as Scalar;
  return { value: tf.div(t, m), log: log ? tf.add(log, l) : l };
}

/** a + b for two scaled gradients, formed at the larger of the two scales. */
function addScaled(a: Scaled | null, b: Scaled | null): Scaled | null {
  if (!a || !b) return a ?? b;
  const L = tf.maximum(a.log, b.log) as Scalar;
  const value = tf.add(
    tf.mul(a.value, tf.exp(tf.sub(a.log, L))),
    tf.mul(b.value, tf.exp(tf.sub(b.log, L))),
  ) as Tensor2D;
  return { value, log: L };
}

export interface RescaledHidden {
  trace: ForwardTrace;
  /** [layer][t] norms, float64, accurate far below float32's range. */
  hNorms: number[][];
  cNorms: (number[] | null)[];
}

/** Call inside tf.tidy. */
export function rescaledHiddenGradients(params: Params, model: ModelShape, batch: BatchTensors): RescaledHidden {
  const lossDef = LOSS_DEFS[batch.lossKind];
  const { T, B } = batch;
  const trace = forward(params, model, batch.x, T, B, lossDef.everyStep);
  const { dOut } = lossDef.apply(trace.out, batch.y, batch.w);
  const dRead = tf.matMul(dOut, tf.transpose(params.readout.W)) as Tensor2D;
  if (trace.layers[0]!.fused) return fusedRescaled(params, trace, dRead, lossDef.everyStep);
  let ext: (Scaled | null)[] = lossDef.everyStep
    ? splitRows(dRead, T).map((d) => normalise(d, null))
    : [...new Array<null>(T - 1).fill(null), normalise(dRead, null)];
  const { cell: c, act: f } = trace;
  const dhs: Scaled[][] = [];
  const dcs: (Scaled[] | null)[] = [];
  for (let l = params.layers.length - 1; l >= 0; l--) {
    const p = params.layers[l]!;
    const lt = trace.layers[l]!;
    const WhT = tf.transpose(p.Wh) as Tensor2D;
    const aux = c.prepareBackward(lt.records, f);
    const dh: Scaled[] = new Array<Scaled>(T);
    const dc: Scaled[] = new Array<Scaled>(T);
    const dXP: Scaled[] = new Array<Scaled>(T);
    // The recurrent carry (dh_{t−1} part, dc_{t−1}) shares one scale.
    let carry: { h: Tensor2D; c: Tensor2D | null; log: Scalar } | null = null;
    for (let t = T - 1; t >= 0; t--) {
      const fromNext: Scaled | null = carry ? { value: carry.h, log: carry.log } : null;
      const total: Scaled = addScaled(ext[t] ?? null, fromNext) ?? {
        value: tf.zeros([B, model.hidden]) as Tensor2D,
        log: tf.scalar(0),
      };
      // Bring the carried dc to the scale of dh so the cell step sees one common scale.
      const dcNext = carry?.c ? (tf.mul(carry.c, tf.exp(tf.sub(carry.log, total.log))) as Tensor2D) : null;
      dh[t] = total;
      const g = c.backward(total.value, dcNext, aux[t]!, t === 0);
      dXP[t] = { value: g.dXP, log: total.log };
      if (g.dcTotal) dc[t] = { value: g.dcTotal, log: total.log };
      if (t > 0) {
        let h = tf.matMul(g.dHP, WhT) as Tensor2D;
        if (g.dhPrevDirect) h = tf.add(h, g.dhPrevDirect);
        const cPrev: Tensor2D | null = g.dcPrev ?? null;
        const m = tf.maximum(cPrev ? tf.maximum(tf.max(tf.abs(h)), tf.max(tf.abs(cPrev))) : tf.max(tf.abs(h)), TINY);
        carry = {
          h: tf.div(h, m) as Tensor2D,
          c: cPrev ? (tf.div(cPrev, m) as Tensor2D) : null,
          log: tf.add(total.log, tf.log(m)) as Scalar,
        };
      }
    }
    dhs[l] = dh;
    dcs[l] = c.name === 'lstm' ? dc : null;
    if (l > 0) {
      const WxT = tf.transpose(p.Wx) as Tensor2D;
      ext = dXP.map((d) => normalise(tf.matMul(d.value, WxT) as Tensor2D, d.log));
    }
  }
  return { trace, hNorms: dhs.map(hostNorms), cNorms: dcs.map((d) => (d ? hostNorms(d) : null)) };
}

/** One download for all steps of a layer; norms finished in float64 with their scales. */
function hostNorms(steps: Scaled[]): number[] {
  const size = steps[0]!.value.size;
  const data = tf.concat(steps.map((s) => tf.reshape(s.value, [-1]))).dataSync();
  const logs = tf.stack(steps.map((s) => s.log)).dataSync();
  return steps.map((_s, t) => {
    const n = safeNorm(data, t * size, size);
    return n === 0 ? 0 : Math.exp(Math.log(n) + logs[t]!);
  });
}

/** The same pass through the fused kernel, which renormalises the carried gradient after every step itself. */
function fusedRescaled(params: Params, trace: ForwardTrace, dRead: Tensor2D, everyStep: boolean): RescaledHidden {
  const { T, B } = trace;
  const L = params.layers.length;
  let ext = readoutGradientRows(dRead, T, B, params.layers[0]!.Wh.shape[0], everyStep);
  let extLog: Float64Array | null = null;
  const hNorms: number[][] = new Array<number[]>(L);
  const cNorms: (number[] | null)[] = new Array<number[] | null>(L);
  for (let l = L - 1; l >= 0; l--) {
    const p = params.layers[l]!;
    const r = fusedLayerBackward(trace.layers[l]!.fused!, ext, extLog, true);
    hNorms[l] = r.hNorms;
    cNorms[l] = r.cNorms;
    if (l > 0) {
      // Row block t of dxp is at scale e^{logs[t]}; a matMul by Wxᵀ keeps each row's scale.
      ext = tf.matMul(tf.tensor2d(r.dxp, [T * B, p.Wh.shape[1]]), tf.transpose(p.Wx)).dataSync() as Float32Array;
      extLog = r.logs;
    }
  }
  return { trace, hNorms, cNorms };
}
