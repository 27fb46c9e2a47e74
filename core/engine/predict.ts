/**
 * Predictions of a stored model: the weights of a checkpoint run forward (no gradients) on the task's
 * held-out sequences. Non-finite weights are used as they are, so a diverged model shows what it would
 * predict: IEEE arithmetic carries NaN/∞ through every output it reaches.
 */
import type { ExperimentSpec } from '../api';
import type { LossKind } from '../tasks/types';
import { createTask } from '../tasks';
import type { Checkpoint } from './protocol';
import { tf } from './tf';
import { engineInfo, initBackend } from './backend';
import { batchTensors, disposeBatch } from './batch';
import { forward } from './forward';
import { LOSS_DEFS } from './loss';
import { disposeParams, paramShapes, paramsFromHost, shapeOf } from './model';
import { CheckpointError, decodeCheckpoint } from './checkpoint';

export interface PredictRequest {
  spec: ExperimentSpec;
  checkpoint: Checkpoint;
  /** Held-out sequences to predict. */
  count: number;
}

export interface Predictions {
  /** Training step of the checkpoint the weights come from. */
  checkpointStep: number;
  lossKind: LossKind;
  T: number;
  count: number;
  inputSize: number;
  outputSize: number;
  /** x[(t·count + b)·inputSize + i], time-major as the task gives them. */
  inputs: Float32Array;
  /** [N·outputSize] regression targets, or [N] class ids; N = count (*_last) or T·count (*_all). */
  targets: Float32Array;
  /** [N·outputSize] readout outputs (logits for classification). */
  outputs: Float32Array;
  /** Values of the checkpoint's weights that are NaN or ±Infinity. */
  nonFiniteWeights: number;
}

export const MAX_PREDICT_COUNT = 4096;

export async function predict(req: PredictRequest): Promise<Predictions> {
  const { spec, checkpoint } = req;
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > MAX_PREDICT_COUNT) {
    throw new Error(`Predictions are made for 1 to ${MAX_PREDICT_COUNT} held-out sequences, not ${req.count}`);
  }
  if (!engineInfo()) await initBackend();
  const task = createTask(spec.task, spec.train.seed);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const ck = decodeCheckpoint(checkpoint);
  const expected = paramShapes(model)
    .map((s) => s.shape.join('x'))
    .join(',');
  if (ck.params.map((p) => p.shape.join('x')).join(',') !== expected)
    throw new CheckpointError('Checkpoint does not match the spec: its parameter shapes differ from the model');
  let nonFiniteWeights = 0;
  for (const p of ck.params) for (const v of p.data) if (!Number.isFinite(v)) nonFiniteWeights++;

  const batch = task.heldoutBatch(req.count);
  const b = batchTensors(batch, task.outputSize);
  const params = paramsFromHost(model, ck.params);
  try {
    const everyStep = LOSS_DEFS[b.lossKind].everyStep;
    const outputs = tf
      .tidy(() => forward(params, model, b.x, b.T, b.B, everyStep).out.dataSync() as Float32Array)
      .slice();
    const targets =
      batch.target.kind === 'mse_last' || batch.target.kind === 'mse_all'
        ? batch.target.y.slice()
        : Float32Array.from(batch.target.y);
    return {
      checkpointStep: ck.step,
      lossKind: b.lossKind,
      T: batch.T,
      count: batch.B,
      inputSize: batch.inputSize,
      outputSize: task.outputSize,
      inputs: batch.x,
      targets,
      outputs,
      nonFiniteWeights,
    };
  } finally {
    disposeParams(params);
    disposeBatch(b);
  }
}
