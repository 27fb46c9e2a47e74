/**
 * What one training step of a spec costs in engine memory, estimated before anything starts, so a spec the
 * engine cannot hold is refused at validation (with the estimate) instead of crashing the engine later.
 *
 *   bytes ≈ B × T × H × layers × gates × 4 bytes (float32) × 2 (the states kept for BPTT and their gradients)
 *
 * B is the larger of the training and probe batches, T the task's sequence length, gates 1 (RNN), 3 (GRU)
 * or 4 (LSTM). Weights and optimizer state (H² per gate and layer) are small beside it and left out.
 */
import { LabError, type ExperimentSpec } from '../api';

/** What one engine process can hold: the wasm backend addresses 4 GiB at most, and V8 needs its share. */
export const ENGINE_MEMORY_BYTES = 2 * 1024 ** 3;

const GATES: Record<ExperimentSpec['model']['cell'], number> = { rnn: 1, gru: 3, lstm: 4 };

type Task = ExperimentSpec['task'];
/** Steps per sequence of each task; null when only the data says (a CSV without seqLen). */
const STEPS: { [K in Task['kind']]: (task: Extract<Task, { kind: K }>) => number | null } = {
  adding: (t) => t.seqLen,
  copy: (t) => t.seqLen + 2 * t.copyLength + 1,
  latch: (t) => t.seqLen,
  sine: (t) => t.seqLen,
  smnist: (t) => (t.mode === 'pixel' ? 784 : 28),
  csv: (t) => t.seqLen ?? null,
};

export interface SpecCost {
  bytes: number;
  formula: string;
}

export function estimateSpecMemory(spec: ExperimentSpec): SpecCost | null {
  const steps = (STEPS[spec.task.kind] as (t: Task) => number | null)(spec.task);
  if (steps === null) return null;
  const batch = Math.max(spec.train.batch, spec.probe.batch);
  const gates = GATES[spec.model.cell];
  const bytes = batch * steps * spec.model.hidden * spec.model.layers * gates * 4 * 2;
  const which = batch === spec.train.batch ? 'batch' : 'probe.batch';
  const formula = `${which} ${batch} × ${steps} steps × hidden ${spec.model.hidden} × ${spec.model.layers} layer(s) × ${gates} gate(s) × 4 bytes × 2`;
  return { bytes, formula };
}

const gib = (b: number): string =>
  `${(b / 1024 ** 3).toLocaleString('en-US', { maximumFractionDigits: b >= 10 * 1024 ** 3 ? 0 : 1 })} GiB`;

/** invalid_argument when the spec cannot fit in one engine; `prefix` is where the spec sits in the call. */
export function checkSpecCost(spec: ExperimentSpec, prefix = 'spec'): void {
  const cost = estimateSpecMemory(spec);
  if (!cost || cost.bytes <= ENGINE_MEMORY_BYTES) return;
  const message = `This spec needs an estimated ${gib(cost.bytes)} of engine memory per step (${cost.formula}); an engine holds at most ${gib(ENGINE_MEMORY_BYTES)}. Lower train.batch (and probe.batch), the sequence length, model.hidden or model.layers.`;
  throw new LabError('invalid_argument', message, [{ path: prefix, message }]);
}
