/** Records the lab returns: runs, series, gradient profiles, engine facts. */
import { z } from 'zod';
import { RunAttemptSchema } from './cluster';
import { ExperimentSpecSchema } from './spec';
import { Real, RealArray } from './numbers';

export const RUN_STATUSES = [
  'queued',
  'running',
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
  'imported',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RunStatusSchema = z.enum(RUN_STATUSES);

export const RunId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Run ids are letters, digits, "-" and "_"');

export const DivergenceSchema = z.object({
  step: z.number().int(),
  /** Which tensor went non-finite first, e.g. `loss`, `grad:layer0.Wh`. */
  tensor: z.string(),
});

export const FinalMetricsSchema = z.object({
  loss: Real.optional(),
  heldoutLoss: Real.optional(),
  accuracy: Real.optional(),
  heldoutAccuracy: Real.optional(),
  horizon: Real.optional(),
  steps: z.number().int().optional(),
  wallMs: z.number().optional(),
});
export type FinalMetrics = z.infer<typeof FinalMetricsSchema>;

export const RunSummarySchema = z.object({
  id: RunId,
  name: z.string(),
  status: RunStatusSchema,
  specHash: z.string(),
  seed: z.number().int(),
  task: z.string(),
  cell: z.string(),
  activation: z.string(),
  init: z.string(),
  clip: z.string(),
  backend: z.string().nullable(),
  device: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  final: FinalMetricsSchema,
  tags: z.array(z.string()),
  note: z.string(),
  sweepId: z.string().nullable(),
  error: z.string().nullable(),
  divergence: DivergenceSchema.nullable(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** Where an imported run came from: a TensorBoard log directory (the run's own directory, its files, its tags). */
export const ImportSourceSchema = z.object({
  kind: z.literal('tensorboard'),
  directory: z.string(),
  files: z.array(z.string()),
  /** The event files' tags, each with the metric it is stored as (the same name unless renamed on import). */
  tags: z.array(z.object({ tag: z.string(), metric: z.string(), points: z.number().int() })),
  /** Summary values not imported, by kind (histograms, images, a plugin's name). */
  skipped: z.record(z.string(), z.number().int()),
  /** HParams the writer logged (TensorBoard's HParams plugin), if any. */
  hparams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  /** Null for an imported run: it was not trained here. */
  spec: ExperimentSpecSchema.nullable(),
  source: ImportSourceSchema.nullable(),
  heartbeatAt: z.string().nullable(),
  lastCheckpointStep: z.number().int().nullable(),
  metrics: z.array(z.string()),
  /** The workers that trained it, for a run trained on the cluster. */
  attempts: z.array(RunAttemptSchema).optional(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** One scalar series: parallel arrays, `step[i]` ↔ `value[i]` ↔ `wallMs[i]`. */
export const SeriesSchema = z.object({
  metric: z.string(),
  step: z.array(z.number()),
  value: RealArray,
  wallMs: z.array(z.number()),
  /** Points in the full series before any downsampling. */
  totalPoints: z.number().int(),
});
export type Series = z.infer<typeof SeriesSchema>;

/** Gradient-flow measurement of one layer at one probe step. Index t = 0 is h_1, the first time step. */
export const LayerProfileSchema = z.object({
  layer: z.number().int().min(0),
  /** ||∂L/∂h_t||_F for t = 1..T. */
  hNorms: RealArray,
  /** ||∂L/∂c_t||_F for LSTM layers. */
  cNorms: RealArray.optional(),
  /** ||diag(f'(a_t))·Wh^T||_2 per step (batch mean), vanilla RNN only. */
  jacobianNorms: RealArray.optional(),
  /** γ·σ_max(Wh), the bound on every Jacobian norm above (vanilla RNN only). */
  jacobianBound: Real.optional(),
  sigmaMax: Real.optional(),
  spectralRadius: Real.optional(),
  /** Largest k with ||∂L/∂h_{T−k}|| ≥ 1e-3·||∂L/∂h_T||. */
  horizon: z.number().int(),
  /** Share of units with |f'| < 0.05 on the probe batch. */
  saturation: Real.optional(),
});
export type LayerProfile = z.infer<typeof LayerProfileSchema>;

export const GradientProfileSchema = z.object({
  step: z.number().int(),
  layers: z.array(LayerProfileSchema),
});
export type GradientProfile = z.infer<typeof GradientProfileSchema>;

export const BackendNameSchema = z.enum(['tensorflow', 'wasm', 'cpu']);
export type BackendName = z.infer<typeof BackendNameSchema>;

export const EngineInfoSchema = z.object({
  backend: BackendNameSchema,
  /** `gpu` (CUDA via tfjs-node-gpu) or `cpu`, with details where known (wasm SIMD/threads). */
  device: z.string(),
  versions: z.record(z.string(), z.string()),
  /** Backends tried before the chosen one, and why each was skipped. */
  skipped: z.array(z.object({ backend: z.string(), reason: z.string() })),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const HealthSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  uptimeMs: z.number(),
  database: z.string().nullable(),
  mode: z.enum(['electron', 'browser', 'cli', 'test']),
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * A run's stored weights and optimizer state at one step: what the engine sends and the store keeps, opaque
 * to both the host and the store (the engine's own serialisation, core/engine/checkpoint.ts).
 */
export interface Checkpoint {
  step: number;
  data: Uint8Array;
}
