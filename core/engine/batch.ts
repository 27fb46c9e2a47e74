/**
 * A task Batch turned into tensors once: x as [T·B, in] (time-major rows, so the input projection of all
 * steps is one matMul), the target as a dense float matrix (one-hot for classes) and per-row loss weights
 * that fold the batch mean, the output count and any mask into one [N, 1] column.
 */
import type { Batch, LossKind } from '../tasks/types';
import { tf, type Tensor2D } from './tf';

export interface BatchTensors {
  T: number;
  B: number;
  inputSize: number;
  lossKind: LossKind;
  x: Tensor2D;
  /** [N, out]: regression targets, or one-hot classes. N = B for *_last, T·B for *_all. */
  y: Tensor2D;
  /** [N, 1]: each row's weight in the loss; the weights sum to 1 (mse: 1/out per output element). */
  w: Tensor2D;
}

export class BatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchError';
  }
}

export function batchTensors(batch: Batch, outputSize: number): BatchTensors {
  const { T, B, inputSize, x, target } = batch;
  if (x.length !== T * B * inputSize)
    throw new BatchError(`x has ${x.length} values, expected T·B·in = ${T}·${B}·${inputSize}`);
  const all = target.kind === 'mse_all' || target.kind === 'xent_all';
  const N = all ? T * B : B;
  const mask = target.kind === 'mse_all' || target.kind === 'xent_all' ? target.mask : undefined;
  if (mask && mask.length !== N) throw new BatchError(`target.mask has ${mask.length} values, expected ${N}`);
  let total = 0;
  for (let n = 0; n < N; n++) total += mask ? mask[n]! : 1;
  if (total <= 0) throw new BatchError('target.mask drops every step: the loss would be empty');
  const isMse = target.kind === 'mse_last' || target.kind === 'mse_all';
  const w = new Float32Array(N);
  for (let n = 0; n < N; n++) w[n] = (mask ? mask[n]! : 1) / total / (isMse ? outputSize : 1);
  let y: Float32Array;
  if (isMse) {
    if (target.y.length !== N * outputSize)
      throw new BatchError(`target.y has ${target.y.length} values, expected ${N}·${outputSize}`);
    y = target.y;
  } else {
    if (target.y.length !== N) throw new BatchError(`target.y has ${target.y.length} class ids, expected ${N}`);
    y = new Float32Array(N * outputSize);
    for (let n = 0; n < N; n++) {
      const cls = target.y[n]!;
      if (!(cls >= 0 && cls < outputSize)) {
        if (mask && mask[n] === 0) continue;
        throw new BatchError(`target.y[${n}] = ${cls} is not a class id in 0..${outputSize - 1}`);
      }
      y[n * outputSize + cls] = 1;
    }
  }
  return {
    T,
    B,
    inputSize,
    lossKind: target.kind,
    x: tf.tensor2d(x, [T * B, inputSize]),
    y: tf.tensor2d(y, [N, outputSize]),
    w: tf.tensor2d(w, [N, 1]),
  };
}

export function disposeBatch(b: BatchTensors): void {
  tf.dispose([b.x, b.y, b.w]);
}
