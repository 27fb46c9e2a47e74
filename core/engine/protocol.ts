/**
 * Messages between the host (core/lab) and an engine process. The engine trains one run at a time and
 * streams what it measures; only the host writes the store. Sent with structured clone (Node's `advanced`
 * IPC serialization, Electron's utilityProcess), so typed arrays and NaN/Infinity travel as they are.
 */
import type { Checkpoint, EngineInfo, ExperimentSpec, GradientProfile, StepMetrics, BackendName } from '../api';
import type { Predictions } from './predict';

/** The record the store keeps (core/api/records.ts); named here too for the engine's side. */
export type { Checkpoint };

export type HostToEngine =
  | { type: 'start'; runId: string; spec: ExperimentSpec; resume?: Checkpoint }
  | { type: 'stop' }
  | { type: 'shutdown' }
  /** Run a checkpoint's weights forward on `count` held-out sequences of the spec's task (core/engine/predict.ts). */
  | { type: 'predict'; spec: ExperimentSpec; checkpoint: Checkpoint; count: number };

export type EngineToHost =
  | { type: 'ready'; info: EngineInfo }
  /** resumedFrom: the checkpoint step a cluster attempt resumed from (metrics after it are trained again). */
  | { type: 'started'; runId: string; backend: BackendName; device: string; resumedFrom?: number }
  /**
   * Consecutive steps of one run in one message, oldest first, with the profiles measured meanwhile (each
   * after its step): the only way steps and profiles travel. The engine process coalesces the trainer's
   * per-step events into it (step-batcher.ts).
   */
  | { type: 'steps'; runId: string; steps: StepMetrics[]; profiles?: GradientProfile[] }
  | { type: 'checkpoint'; runId: string; checkpoint: Checkpoint }
  /**
   * How a run ended. Its final metrics are not sent: the host folds them from the steps and profiles it
   * heard (core/lab/final-metrics.ts), the one place they are kept, so a run whose engine died ends alike.
   */
  | { type: 'done'; runId: string; status: 'completed' | 'stopped' }
  | { type: 'diverged'; runId: string; step: number; tensor: string }
  | { type: 'error'; runId: string | null; message: string }
  | ({ type: 'predictions' } & Predictions);

/**
 * What the trainer emits, one step or profile at a time (core/engine/trainer.ts): the engine process turns it
 * into EngineToHost with stepBatcher, so 'step' and 'profile' never cross the process boundary.
 */
export type TrainerEvent =
  | Exclude<EngineToHost, { type: 'steps' }>
  | { type: 'step'; runId: string; metrics: StepMetrics }
  | { type: 'profile'; runId: string; profile: GradientProfile };
