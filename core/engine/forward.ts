/**
 * The forward pass: explicit unrolled loops over tfjs ops, layer by layer, keeping every step's record so
 * the backward pass (./gradients) and the metrics can reach every h_t. Per layer, the input projection of
 * all steps is one matMul ([T·B, in]·Wx) with the biases folded in once; each step then costs one matMul
 * for all gates plus the cell's elementwise ops.
 */
import { tf, type Tensor2D } from './tf';
import { activation, type ActivationDef } from './activations';
import { cell as cellDef, type CellDef, type CellState, type StepRecord } from './cells';
import type { ModelShape, Params } from './model';
import { splitRows } from './split';
import { useFused } from './kernels/recurrent-kernel';
import {
  beginFusedPass,
  fusedDerivatives,
  fusedHidden,
  fusedLayerForward,
  type FusedLayer,
} from './kernels/fused-layer';

export interface LayerTrace {
  /** The layer's input sequence [T·B, in]. */
  input: Tensor2D;
  /** Every step's record (tfjs path); empty when the fused kernel ran the layer. */
  records: StepRecord[];
  /** The fused kernel's buffers for this layer (cpu and wasm backends), else undefined. */
  fused?: FusedLayer;
  /** h_1..h_T stacked time-major [T·B, H]. */
  hcat: Tensor2D;
}

export interface ForwardTrace {
  T: number;
  B: number;
  cell: CellDef;
  act: ActivationDef;
  layers: LayerTrace[];
  /** What the readout reads: h_T [B, H], or every step [T·B, H]. */
  readIn: Tensor2D;
  /** Readout output [N, out]. */
  out: Tensor2D;
}

/** Runs the network on x [T·B, in]; call inside a tf.tidy (every intermediate is left for the caller's scope). */
export function forward(
  params: Params,
  model: ModelShape,
  x: Tensor2D,
  T: number,
  B: number,
  everyStep: boolean,
): ForwardTrace {
  if (useFused()) return fusedForward(params, model, x, T, B, everyStep);
  const c = cellDef(model.cell);
  const f = activation(model.activation);
  const layers: LayerTrace[] = [];
  let input = x;
  for (const p of params.layers) {
    const bias = c.foldsRecurrentBias ? tf.add(p.bx, p.bh) : p.bx;
    const xp: Tensor2D = tf.add(tf.matMul(input, p.Wx), bias);
    const xps = splitRows(xp, T);
    const records: StepRecord[] = [];
    let prev: CellState | null = null;
    for (let t = 0; t < T; t++) {
      const rec = c.step(xps[t]!, prev, { Wh: p.Wh, bh: p.bh }, f);
      records.push(rec);
      prev = rec.state;
    }
    const hcat =
      T === 1
        ? records[0]!.state.h
        : tf.concat(
            records.map((r) => r.state.h),
            0,
          );
    layers.push({ input, records, hcat });
    input = hcat;
  }
  const top = layers[layers.length - 1]!;
  const readIn = everyStep ? top.hcat : top.records[T - 1]!.state.h;
  const out: Tensor2D = tf.add(tf.matMul(readIn, params.readout.W), params.readout.b);
  return { T, B, cell: c, act: f, layers, readIn, out };
}

/**
 * The same pass through the fused kernel: per layer the input projection and the whole time loop in kernel
 * calls (each layer reads the one below's h in place); h comes back as one [T·B, H] tensor.
 */
function fusedForward(
  params: Params,
  model: ModelShape,
  x: Tensor2D,
  T: number,
  B: number,
  everyStep: boolean,
): ForwardTrace {
  const c = cellDef(model.cell);
  const f = activation(model.activation);
  const H = model.hidden;
  beginFusedPass();
  const layers: LayerTrace[] = [];
  let input = x;
  let below: Float32Array | FusedLayer = x.dataSync() as Float32Array;
  for (const p of params.layers) {
    const bias = (c.foldsRecurrentBias ? tf.add(p.bx, p.bh) : p.bx).dataSync() as Float32Array;
    const bh = c.foldsRecurrentBias ? null : (p.bh.dataSync() as Float32Array);
    const [IN] = p.Wx.shape;
    const wx = p.Wx.dataSync() as Float32Array;
    const fused = fusedLayerForward(
      model.cell,
      model.activation,
      T,
      B,
      H,
      below,
      IN,
      wx,
      bias,
      p.Wh.dataSync() as Float32Array,
      bh,
    );
    const hcat = tf.tensor2d(fusedHidden(fused), [T * B, H]);
    layers.push({ input, records: [], hcat, fused });
    input = hcat;
    below = fused;
  }
  const top = layers[layers.length - 1]!;
  const readIn = everyStep ? top.hcat : tf.tensor2d(fusedHidden(top.fused!, (T - 1) * B, T * B), [B, H]);
  const out: Tensor2D = tf.add(tf.matMul(readIn, params.readout.W), params.readout.b);
  return { T, B, cell: c, act: f, layers, readIn, out };
}

/** f'(candidate) of every step [T·B, H] (what the saturation and Jacobian metrics read), on either path. */
export function layerDerivatives(trace: ForwardTrace, lt: LayerTrace): Tensor2D {
  if (lt.fused) return tf.tensor2d(fusedDerivatives(lt.fused), [trace.T * trace.B, lt.fused.H]);
  const ds = lt.records.map((r) => trace.act.derivative(r.candidate, r.candidateOut) as Tensor2D);
  return ds.length === 1 ? ds[0]! : tf.concat(ds, 0);
}
