/** The contract's TensorBoard methods: a log directory on the lab host's disk in, runs out to one. */
import { z } from 'zod';
import { ImportSourceSchema, RunId, RunSummarySchema } from './records';

const HostPath = z.string().trim().min(1, 'Give a directory on the lab host').max(4096);

export const TensorBoardImportArgsSchema = z.strictObject({
  directory: HostPath,
  /** Tags to import (all if empty); `metric=tag` stores the tag as that lab metric, e.g. `loss=train/loss`. */
  tags: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
  /** A regular expression for the part of a run's name that names its seed, e.g. `seed=\d+`. */
  group: z.string().min(1).max(200).optional(),
});

export const TensorBoardImportResultSchema = z.object({
  runs: z.array(
    z.object({
      run: RunSummarySchema,
      directory: z.string(),
      files: z.number().int(),
      points: z.number().int(),
      tags: ImportSourceSchema.shape.tags,
      skipped: z.record(z.string(), z.number().int()),
      purged: z.number().int(),
      truncated: z.array(z.object({ file: z.string(), offset: z.number().int() })),
    }),
  ),
  withoutScalars: z.array(z.string()),
});

export const TensorBoardExportArgsSchema = z.strictObject({
  directory: HostPath,
  runIds: z.array(RunId).max(10_000).optional(),
  sweepId: z.string().min(1).max(64).optional(),
});

export const TensorBoardExportResultSchema = z.object({
  directory: z.string(),
  experimentFile: z.string(),
  runs: z.array(
    z.object({
      runId: RunId,
      name: z.string(),
      directory: z.string(),
      file: z.string(),
      bytes: z.number().int(),
      tags: z.number().int(),
      points: z.number().int(),
      histograms: z.number().int(),
    }),
  ),
  bytes: z.number().int(),
});
