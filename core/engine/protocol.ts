/**
 * Messages between the host (core/lab) and an engine process. The engine trains one run at a time and
 * streams what it measures; only the host writes the store. Sent with structured clone (Node's `advanced`
 * IPC serialization, Electron's utilityProcess), so typed arrays and NaN/Infinity travel as they are.
 */
import type {
  Checkpoint,
  EngineInfo,
  ExperimentSpec,
  FinalMetrics,
  GradientProfile,
  StepMetrics,
  BackendName,
} from '../api';
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
  | { type: 'step'; runId: string; metrics: StepMetrics }
  /**
   * Consecutive steps of one run in one message, oldest first, with the profiles measured meanwhile (each
   * after its step): the engine process coalesces 'step's and 'profile's, see step-batcher.ts.
   */
  | { type: 'steps'; runId: string; steps: StepMetrics[]; profiles?: GradientProfile[] }
  | { type: 'profile'; runId: string; profile: GradientProfile }
  | { type: 'checkpoint'; runId: string; checkpoint: Checkpoint }
  | { type: 'done'; runId: string; status: 'completed' | 'stopped'; final: FinalMetrics }
  | { type: 'diverged'; runId: string; step: number; tensor: string; final: FinalMetrics }
  | { type: 'error'; runId: string | null; message: string }
  | ({ type: 'predictions' } & Predictions);
