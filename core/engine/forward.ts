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

export interface LayerTrace {
  /** The layer's input sequence [T·B, in]. */
  input: Tensor2D;
  records: StepRecord[];
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
export function forward(params: Params, model: ModelShape, x: Tensor2D, T: number, B: number, everyStep: boolean): ForwardTrace {
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
    const hcat = T === 1 ? records[0]!.state.h : tf.concat(records.map((r) => r.state.h), 0);
    layers.push({ input, records, hcat });
    input = hcat;
  }
  const top = layers[layers.length - 1]!;
  const readIn = everyStep ? top.hcat : top.records[T - 1]!.state.h;
  const out: Tensor2D = tf.add(tf.matMul(readIn, params.readout.W), params.readout.b);
  return { T, B, cell: c, act: f, layers, readIn, out };
}
