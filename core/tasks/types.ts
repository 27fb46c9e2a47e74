/**
 * The data side of an experiment. A task turns (spec, seed) into batches, all time-major:
 * x[t][b][i] is stored at x[(t·B + b)·inputSize + i]. Batches are deterministic in (seed, step).
 */
import type { TaskSpec } from '../api';

export type LossKind = 'mse_last' | 'mse_all' | 'xent_last' | 'xent_all';

export type Target =
  /** y[b·out + o]: regression on the last step. */
  | { kind: 'mse_last'; y: Float32Array }
  /** y[(t·B + b)·out + o]: regression on every step (mask[t·B + b] = 0 drops a step). */
  | { kind: 'mse_all'; y: Float32Array; mask?: Float32Array }
  /** y[b]: class of the last step. */
  | { kind: 'xent_last'; y: Int32Array }
  /** y[t·B + b]: class at every step (mask[t·B + b] = 0 drops a step). */
  | { kind: 'xent_all'; y: Int32Array; mask?: Float32Array };

export interface Batch {
  T: number;
  B: number;
  inputSize: number;
  x: Float32Array;
  target: Target;
}

export interface TaskBaseline {
  /** The loss of a model that learned nothing (e.g. 1/6 on the adding problem). */
  value: number;
  label: string;
}

export interface TaskInstance {
  kind: TaskSpec['kind'];
  seqLen: number;
  inputSize: number;
  /** Output units: regression dimensions or number of classes. */
  outputSize: number;
  lossKind: LossKind;
  /** Whether accuracy is meaningful (classification tasks). */
  hasAccuracy: boolean;
  baseline: TaskBaseline | null;
  /** The training batch for a given step: same (seed, step, size) → same batch. */
  trainBatch(step: number, batchSize: number): Batch;
  /** A fixed held-out batch (never seen in training). */
  heldoutBatch(batchSize: number): Batch;
  /** The fixed batch on which gradient profiles are measured. */
  probeBatch(batchSize: number): Batch;
}

/** The spec of one task kind, e.g. `TaskSpecOf<'copy'>`. */
export type TaskSpecOf<K extends TaskSpec['kind']> = Extract<TaskSpec, { kind: K }>;

/** One task kind: a record in the registry (core/tasks/registry.ts), one file per kind. */
export interface TaskDefinition<K extends TaskSpec['kind']> {
  kind: K;
  /** Builds the task; throws LabError('invalid_argument', …) for a spec it cannot serve (e.g. a bad CSV). */
  create(spec: TaskSpecOf<K>, seed: number): TaskInstance;
}
