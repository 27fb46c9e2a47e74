/**
 * The backward pass, written out by hand (backpropagation through time over the forward trace) rather than
 * taken from tfjs's tape: it needs no gradient registry, launches fewer kernels, and ∂L/∂h_t — the total
 * derivative a zero probe added to h_t would receive — is simply the running `dh` at step t, so every
 * probe costs one add (external + recurrent part) and nothing else. Weight gradients are accumulated with
 * one matMul per matrix over all steps. Tests hold this against a float64 reference and finite differences.
 */
import { tf, type Scalar, type Tensor, type Tensor2D } from './tf';
import { forward, type ForwardTrace, type LayerTrace } from './forward';
import { matMul } from './matmul';
import { splitRows } from './split';
import { stepNorms } from './metrics/hidden';
import { fusedLayerBackward } from './kernels/fused-layer';
import { LOSS_DEFS } from './loss';
import type { BatchTensors } from './batch';
import type { LayerParams, ModelShape, Params } from './model';

export interface GradientResult {
  loss: Scalar;
  grads: Params;
  /** ∂L/∂h^l_t for every layer l and step t (index 0 is h_1): tfjs path only (the fused kernel keeps them inside). */
  dh?: Tensor2D[][];
  /** ∂L/∂c^l_t for LSTM layers, else null: tfjs path only. */
  dc?: (Tensor2D[] | null)[];
  /** ||∂L/∂h^l_t|| (and ||∂L/∂c^l_t|| for LSTM) per layer and step, in float64, on either path. */
  hiddenNorms(): { h: number[][]; c: (number[] | null)[] };
  trace: ForwardTrace;
}

interface LayerGrads {
  grads: LayerParams;
  dh: Tensor2D[];
  dc: Tensor2D[] | null;
  /** ∂L/∂(layer input) [T·B, in], for the layer below. */
  dInput: Tensor2D | null;
}

function addMaybe(a: Tensor2D | null, b: Tensor2D | null | undefined): Tensor2D | null {
  if (a && b) return tf.add<Tensor2D>(a, b);
  return a ?? b ?? null;
}

function layerBackward(
  trace: ForwardTrace,
  lt: LayerTrace,
  p: LayerParams,
  ext: (Tensor2D | null)[],
  needInputGrad: boolean,
): LayerGrads {
  const { T, B, cell: c, act: f } = trace;
  const H = p.Wh.shape[0];
  const dXPs: Tensor2D[] = new Array<Tensor2D>(T);
  const dHPs: Tensor2D[] = new Array<Tensor2D>(T);
  const dhs: Tensor2D[] = new Array<Tensor2D>(T);
  const dcs: Tensor2D[] = new Array<Tensor2D>(T);
  let dhNext: Tensor2D | null = null;
  let dcNext: Tensor2D | null = null;
  const aux = c.prepareBackward(lt.records, f);
  const WhT: Tensor2D = tf.transpose(p.Wh);
  for (let t = T - 1; t >= 0; t--) {
    const dh: Tensor2D = addMaybe(ext[t] ?? null, dhNext) ?? tf.zeros([B, H]);
    dhs[t] = dh;
    const g = c.backward(dh, dcNext, aux[t]!, t === 0);
    dXPs[t] = g.dXP;
    dHPs[t] = g.dHP;
    if (g.dcTotal) dcs[t] = g.dcTotal;
    if (t > 0) {
      dhNext = addMaybe(tf.matMul<Tensor2D>(g.dHP, WhT), g.dhPrevDirect);
      dcNext = g.dcPrev ?? null;
    }
  }
  const dXP: Tensor2D = T === 1 ? dXPs[0]! : tf.concat(dXPs, 0);
  const dWx = matMul(lt.input, dXP, true);
  const dbx = tf.sum(dXP, 0);
  let dbh: Tensor;
  let dWh: Tensor;
  if (c.foldsRecurrentBias) {
    dbh = tf.clone(dbx);
    // h_0 = 0, so step 1 adds nothing to dWh: pair h_1..h_{T−1} with the products' gradients of steps 2..T.
    dWh =
      T > 1
        ? matMul(tf.slice(lt.hcat, [0, 0], [(T - 1) * B, H]), tf.slice(dXP, [B, 0], [(T - 1) * B, -1]), true)
        : tf.zerosLike(p.Wh);
  } else {
    const dHP: Tensor2D = T === 1 ? dHPs[0]! : tf.concat(dHPs, 0);
    dbh = tf.sum(dHP, 0);
    dWh =
      T > 1
        ? matMul(tf.slice(lt.hcat, [0, 0], [(T - 1) * B, H]), tf.slice(dHP, [B, 0], [(T - 1) * B, -1]), true)
        : tf.zerosLike(p.Wh);
  }
  return {
    grads: { Wx: dWx as Tensor2D, Wh: dWh as Tensor2D, bx: dbx as tf.Tensor1D, bh: dbh as tf.Tensor1D },
    dh: dhs,
    dc: c.name === 'lstm' ? dcs : null,
    dInput: needInputGrad ? matMul(dXP, p.Wx, false, true) : null,
  };
}

/** Loss, all parameter gradients and every ∂L/∂h_t from one forward and one backward pass. Call inside tf.tidy. */
export function computeGradients(params: Params, model: ModelShape, batch: BatchTensors): GradientResult {
  const lossDef = LOSS_DEFS[batch.lossKind];
  const { T, B } = batch;
  const trace = forward(params, model, batch.x, T, B, lossDef.everyStep);
  const { loss, dOut } = lossDef.apply(trace.out, batch.y, batch.w);
  const dW = matMul(trace.readIn, dOut, true);
  const db = tf.sum(dOut, 0) as tf.Tensor1D;
  const dRead = matMul(dOut, params.readout.W, false, true);
  if (trace.layers[0]!.fused)
    return fusedGradients(params, trace, loss, dRead, lossDef.everyStep, { W: dW as Tensor2D, b: db });
  let ext: (Tensor2D | null)[] = lossDef.everyStep
    ? splitRows(dRead, T)
    : [...new Array<null>(T - 1).fill(null), dRead];
  const L = params.layers.length;
  const layerGrads: LayerGrads[] = new Array<LayerGrads>(L);
  for (let l = L - 1; l >= 0; l--) {
    const g = layerBackward(trace, trace.layers[l]!, params.layers[l]!, ext, l > 0);
    layerGrads[l] = g;
    if (l > 0) ext = splitRows(g.dInput!, T);
  }
  return {
    loss,
    grads: { layers: layerGrads.map((g) => g.grads), readout: { W: dW as Tensor2D, b: db } },
    dh: layerGrads.map((g) => g.dh),
    dc: layerGrads.map((g) => g.dc),
    hiddenNorms: () => ({
      h: layerGrads.map((g) => stepNorms(g.dh)),
      c: layerGrads.map((g) => (g.dc ? stepNorms(g.dc) : null)),
    }),
    trace,
  };
}

/** The gradient reaching h_t from the readout, as a host [T·B, H] array (zeros before step T for *_last losses). */
export function readoutGradientRows(
  dRead: Tensor2D,
  T: number,
  B: number,
  H: number,
  everyStep: boolean,
): Float32Array {
  const d = dRead.dataSync() as Float32Array;
  if (everyStep) return d;
  const ext = new Float32Array(T * B * H);
  ext.set(d, (T - 1) * B * H);
  return ext;
}

/**
 * The backward pass through the fused kernel: one call per layer for the whole time loop (on every kernel
 * thread, a slice of the batch each), and every weight's gradient in the kernel too (per slice, summed in
 * float64); only ∂L/∂(layer input) for the layer below is a backend matMul.
 */
function fusedGradients(
  params: Params,
  trace: ForwardTrace,
  loss: Scalar,
  dRead: Tensor2D,
  everyStep: boolean,
  readout: Params['readout'],
): GradientResult {
  const { T, B } = trace;
  const L = params.layers.length;
  const H = params.layers[0]!.Wh.shape[0];
  let ext = readoutGradientRows(dRead, T, B, H, everyStep);
  const grads: LayerParams[] = new Array<LayerParams>(L);
  const hNorms: number[][] = new Array<number[]>(L);
  const cNorms: (number[] | null)[] = new Array<number[] | null>(L);
  for (let l = L - 1; l >= 0; l--) {
    const lt = trace.layers[l]!;
    const p = params.layers[l]!;
    const GH = p.Wh.shape[1];
    const r = fusedLayerBackward(lt.fused!, ext, null, false, true);
    hNorms[l] = r.hNorms;
    cNorms[l] = r.cNorms;
    // h_0 = 0: the kernel pairs h_1..h_{T−1} with the recurrent products' gradients of steps 2..T, per slice.
    grads[l] = {
      Wx: tf.tensor2d(r.dWx!, p.Wx.shape),
      Wh: tf.tensor2d(r.dWh!, [H, GH]),
      bx: tf.tensor1d(r.dbx!),
      bh: tf.tensor1d(r.dbh!),
    };
    if (l > 0) ext = matMul(tf.tensor2d(r.dxp, [T * B, GH]), p.Wx, false, true).dataSync() as Float32Array;
  }
  return { loss, grads: { layers: grads, readout }, hiddenNorms: () => ({ h: hNorms, c: cNorms }), trace };
}

/** [max |g|, Σ (g / max)²] over all gradients together: the global norm in a handful of kernels. */
export function globalGradientSummary(grads: Tensor[]): Tensor {
  return tf.tidy(() => {
    const flat = tf.concat(grads.map((g) => tf.reshape(g, [-1])));
    const m = tf.max(tf.abs(flat));
    const poison = tf.sum(tf.mul(flat, 0));
    return tf.stack([m, tf.add(tf.sum(tf.square(tf.div(flat, tf.maximum(m, 1e-30)))), poison)]);
  });
}

/**
 * Per-tensor [max |g|, Σ (g / max)²] as one [P, 2] tensor: a norm the host can finish in float64 without
 * overflow or underflow. Any NaN or ±Infinity in g makes its row non-finite.
 */
export function gradientSummary(grads: Tensor[]): Tensor2D {
  return tf.tidy(() => {
    const rows = grads.map((g) => {
      const m = tf.max(tf.abs(g));
      // Σ g·0 is 0, or NaN if any entry is NaN or ±Infinity (even where max() skipped a NaN).
      const poison = tf.sum(tf.mul(g, 0));
      const s = tf.add(tf.sum(tf.square(tf.div(g, tf.maximum(m, 1e-30)))), poison);
      return tf.stack([m, s]);
    });
    return tf.stack(rows) as Tensor2D;
  });
}
