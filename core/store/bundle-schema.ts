/**
 * The portable bundle: gzip of wire JSON (core/shared/wire.ts keeps NaN and ±Infinity), one format name and a
 * version. A reader refuses a newer version outright rather than guess at fields it does not know.
 */
import { z } from 'zod';
import {
  ImportSourceSchema,
  DivergenceSchema,
  FinalMetricsSchema,
  GradientProfileSchema,
  RunId,
  RunStatusSchema,
} from '../api/records';
import { Real } from '../api/numbers';

export const BUNDLE_FORMAT = 'gradlab-bundle';
export const BUNDLE_VERSION = 1;

const Iso = z.string().min(1).max(64);

const BundleSeriesSchema = z
  .object({
    metric: z.string().min(1).max(200),
    step: z.array(z.number().int()),
    value: z.array(Real),
    wallMs: z.array(z.number()),
  })
  .refine(
    (s) => s.step.length === s.value.length && s.step.length === s.wallMs.length,
    'step, value and wallMs must have the same length',
  );

export const BundleRunSchema = z.object({
  id: RunId,
  name: z.string().min(1).max(200),
  /** Validated against the current ExperimentSpecSchema on import; null for a run imported from TensorBoard. */
  spec: z.unknown(),
  /** For an imported run (no spec): where it came from, its seed and its seed group. */
  source: ImportSourceSchema.nullable().optional(),
  seed: z.number().int().optional(),
  specHash: z.string().max(100).optional(),
  status: RunStatusSchema,
  backend: z.string().nullable(),
  device: z.string().nullable(),
  createdAt: Iso,
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  heartbeatAt: Iso.nullable(),
  stepsDone: z.number().int().min(0),
  stepsTotal: z.number().int().min(0),
  final: FinalMetricsSchema,
  divergence: DivergenceSchema.nullable(),
  error: z.string().nullable(),
  note: z.string().max(100_000),
  tags: z.array(z.string().trim().min(1).max(64)),
  sweepId: z.string().min(1).max(64).nullable(),
  series: z.array(BundleSeriesSchema),
  profiles: z.array(GradientProfileSchema),
  checkpoints: z.array(z.object({ step: z.number().int(), createdAt: Iso, base64: z.string() })),
});
export type BundleRun = z.infer<typeof BundleRunSchema>;

export const BundleSweepSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1).max(200),
  base: z.unknown(),
  grid: z.record(z.string(), z.array(z.unknown())),
  createdAt: Iso,
});
export type BundleSweep = z.infer<typeof BundleSweepSchema>;

export const BundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: Iso,
  sweeps: z.array(BundleSweepSchema),
  runs: z.array(BundleRunSchema),
});
export type Bundle = z.infer<typeof BundleSchema>;
