/**
 * LabApi: every operation the UI or a script can ask of the lab. One table of methods, each with the schema
 * of its single argument and of its result; the TypeScript interface, the IPC channels, the HTTP routes and
 * the preload functions are all derived from this table, so a method is declared exactly once.
 */
import { z } from 'zod';
import { ExperimentSpecSchema, TASK_KINDS, CELLS, ACTIVATIONS, INITIALISERS } from './spec';
import {
  EngineInfoSchema,
  GradientProfileSchema,
  HealthSchema,
  RunDetailSchema,
  RunId,
  RunStatusSchema,
  RunSummarySchema,
  SeriesSchema,
} from './records';
import { Real } from './numbers';
import { ClusterStatusSchema, PlacementSchema } from './cluster';
import { FIGURE_CHARTS, FIGURE_FORMATS } from './contract-figures';
import { LessonIdSchema, LessonScaleSchema, LessonSchema } from './lessons';
import type { LabMethodName } from '../shared/methods';
import { SERIES_MANY_MAX_POINTS, SERIES_MANY_MAX_RUNS } from '../shared/series-limits';
import { ReplicationIdSchema, ReplicationScaleSchema, ReplicationSchema } from './replications';
import {
  TensorBoardExportArgsSchema,
  TensorBoardExportResultSchema,
  TensorBoardImportArgsSchema,
  TensorBoardImportResultSchema,
} from './interop';

const Empty = z.strictObject({});
const ByRun = z.strictObject({ runId: RunId });
const Tag = z.string().trim().min(1).max(64);

export const RunQuerySchema = z.strictObject({
  text: z.string().max(200).optional(),
  status: z.array(RunStatusSchema).optional(),
  task: z.array(z.enum(TASK_KINDS)).optional(),
  cell: z.array(z.enum(CELLS)).optional(),
  activation: z.array(z.enum(ACTIVATIONS)).optional(),
  init: z.array(z.enum(INITIALISERS)).optional(),
  tag: z.array(Tag).optional(),
  sweepId: z.string().max(64).optional(),
  /** ISO dates, inclusive. */
  createdAfter: z.iso.datetime().optional(),
  createdBefore: z.iso.datetime().optional(),
  sort: z.enum(['createdAt', 'name', 'status', 'finalLoss', 'horizon']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(10_000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type RunQuery = z.input<typeof RunQuerySchema>;

export const SweepGridSchema = z
  .record(
    z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'Grid keys are spec paths such as "model.cell" or "train.seed"'),
    z.array(z.unknown()).min(1).max(1000),
  )
  .refine((g) => Object.keys(g).length > 0, 'The grid needs at least one key');

export const SweepGroupSchema = z.object({
  specHash: z.string(),
  label: z.string(),
  runIds: z.array(RunId),
  step: z.array(z.number()),
  mean: z.array(Real),
  std: z.array(Real),
  min: z.array(Real),
  max: z.array(Real),
});

export { FIGURE_CHARTS, FIGURE_FORMATS };

export const FigureRequestSchema = z.strictObject({
  runIds: z.array(RunId).min(1).max(100),
  chart: z.enum(FIGURE_CHARTS),
  format: z.enum(FIGURE_FORMATS),
  /** Figure settings (size, fonts, labels, palette); the figures module owns their schema. */
  settings: z.record(z.string(), z.unknown()).default({}),
});

/** A file the lab hands back (exports): the page saves it, the CLI writes it. */
export const FileResultSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The file's bytes: IPC clones them as they are; HTTP carries them through core/shared/wire.ts. */
  bytes: z.instanceof(Uint8Array),
  /** Files that belong beside it (a pgfplots figure's CSV data): save them in the same folder. */
  companions: z.array(z.object({ fileName: z.string(), mime: z.string(), bytes: z.instanceof(Uint8Array) })).optional(),
});
export type FileResult = z.infer<typeof FileResultSchema>;

export { SERIES_MANY_MAX_POINTS, SERIES_MANY_MAX_RUNS };

export const SeriesManyArgsSchema = z
  .strictObject({
    runIds: z.array(RunId).min(1).max(SERIES_MANY_MAX_RUNS),
    metrics: z.array(z.string().max(100)).max(200).optional(),
    maxPoints: z.number().int().min(2).max(SERIES_MANY_MAX_POINTS),
    /** Also answer each run's detail (what getRun answers), so a caller needs no second request per run. */
    details: z.boolean().default(false),
  })
  .superRefine((a, ctx) => {
    if (a.runIds.length * a.maxPoints > SERIES_MANY_MAX_POINTS)
      ctx.addIssue({
        code: 'custom',
        path: ['maxPoints'],
        message: `runIds × maxPoints may be at most ${SERIES_MANY_MAX_POINTS.toLocaleString('en')} (${a.runIds.length} runs × ${a.maxPoints}); ask for fewer points or fewer runs`,
      });
  });

export const SeriesManyResultSchema = z.object({
  runs: z.array(z.object({ runId: RunId, series: z.array(SeriesSchema), detail: RunDetailSchema.optional() })),
  /** Asked-for ids with no run (deleted or never existed), in the order asked. */
  missing: z.array(z.string()),
});

/** Largest bundle importBundle takes (192 MiB); the HTTP body limit leaves room for it as base64. */
export const MAX_BUNDLE_BYTES = 192 * 1024 * 1024;
const BundleBytes = z
  .instanceof(Uint8Array, { message: 'bytes must be the bundle file as a Uint8Array' })
  .refine((b) => b.byteLength > 0, { message: 'bytes is empty: choose a gradlab bundle file' })
  .refine((b) => b.byteLength <= MAX_BUNDLE_BYTES, {
    message: `bytes is larger than the ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB a bundle may be`,
  });

const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const LAB_METHODS = {
  health: method(Empty, HealthSchema),
  engineInfo: method(Empty, EngineInfoSchema),
  /** Field-level check of a draft spec for the builder: the renderer holds no schema code of its own. */
  validateSpec: method(
    z.strictObject({ spec: z.unknown() }),
    z.object({
      ok: z.boolean(),
      spec: ExperimentSpecSchema.optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),

  startRun: method(
    z.strictObject({ spec: ExperimentSpecSchema, placement: PlacementSchema.optional() }),
    RunSummarySchema,
  ),
  stopRun: method(ByRun, RunSummarySchema),
  resumeRun: method(z.strictObject({ runId: RunId, placement: PlacementSchema.optional() }), RunSummarySchema),
  deleteRun: method(ByRun, z.object({ deleted: z.literal(true) })),
  renameRun: method(z.strictObject({ runId: RunId, name: z.string().trim().min(1).max(200) }), RunSummarySchema),
  tagRun: method(
    z.strictObject({ runId: RunId, add: z.array(Tag).default([]), remove: z.array(Tag).default([]) }),
    RunSummarySchema,
  ),
  noteRun: method(z.strictObject({ runId: RunId, note: z.string().max(100_000) }), RunSummarySchema),

  listRuns: method(RunQuerySchema, z.object({ runs: z.array(RunSummarySchema), total: z.number().int() })),
  getRun: method(ByRun, RunDetailSchema),
  getSeries: method(
    z.strictObject({
      runId: RunId,
      metrics: z.array(z.string().max(100)).max(200).optional(),
      maxPoints: z.number().int().min(2).max(1_000_000).optional(),
    }),
    z.object({ runId: RunId, series: z.array(SeriesSchema) }),
  ),
  /**
   * Series of many runs in one call (Compare's 50 runs were ~100 requests). Unknown ids are answered in
   * `missing`, not as an error: a run deleted while Compare was open must not hide the others.
   */
  getSeriesMany: method(SeriesManyArgsSchema, SeriesManyResultSchema),
  getProfiles: method(
    z.strictObject({
      runId: RunId,
      steps: z.array(z.number().int().min(0)).max(100_000).optional(),
      latest: z.boolean().default(false),
      /** At most this many, evenly spaced over the probes (first and latest kept): runs probed every step hold thousands. */
      max: z.number().int().min(1).max(100_000).optional(),
    }),
    z.object({ runId: RunId, profiles: z.array(GradientProfileSchema) }),
  ),

  startSweep: method(
    z.strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      base: ExperimentSpecSchema,
      grid: SweepGridSchema,
      placement: PlacementSchema.optional(),
    }),
    z.object({ sweepId: z.string(), runs: z.array(RunSummarySchema) }),
  ),
  /** Workers, queue depth and runs per worker, as the broker last heard them. */
  clusterStatus: method(Empty, ClusterStatusSchema),
  sweepSummary: method(
    z.strictObject({ sweepId: z.string().min(1).max(64), metric: z.string().max(100).default('loss') }),
    z.object({ groups: z.array(SweepGroupSchema) }),
  ),

  exportBundle: method(
    z.strictObject({ runIds: z.array(RunId).max(10_000).optional(), sweepId: z.string().max(64).optional() }),
    FileResultSchema,
  ),
  importBundle: method(z.strictObject({ bytes: BundleBytes }), z.object({ imported: z.array(RunSummarySchema) })),
  exportSeriesCsv: method(
    z.strictObject({ runId: RunId, metrics: z.array(z.string().max(100)).max(200).optional() }),
    FileResultSchema,
  ),
  exportFigure: method(FigureRequestSchema, FileResultSchema),
  /** Reads a TensorBoard log directory on the lab host into imported runs (all or nothing). */
  importTensorBoard: method(TensorBoardImportArgsSchema, TensorBoardImportResultSchema),
  /** Writes runs (or a sweep's) as a TensorBoard log directory on the lab host. */
  exportTensorBoard: method(TensorBoardExportArgsSchema, TensorBoardExportResultSchema),

  listLessons: method(Empty, z.object({ lessons: z.array(LessonSchema) })),
  getLesson: method(z.strictObject({ id: LessonIdSchema }), LessonSchema),
  /** Launches the lesson's preset runs (tagged `lesson:N`); its verdict arrives with `lesson.updated`. */
  runLesson: method(z.strictObject({ id: LessonIdSchema, scale: LessonScaleSchema.default('default') }), LessonSchema),

  listReplications: method(Empty, z.object({ replications: z.array(ReplicationSchema) })),
  getReplication: method(z.strictObject({ id: ReplicationIdSchema }), ReplicationSchema),
  /** Launches the replication's runs (tagged `replication:ID`); its verdict arrives with `replication.updated`. */
  runReplication: method(
    z.strictObject({
      id: ReplicationIdSchema,
      scale: ReplicationScaleSchema.default('reduced'),
      /** `cluster`: every run is enqueued for the broker's workers (refused with `unavailable` without a broker). */
      placement: PlacementSchema.optional(),
    }),
    ReplicationSchema,
  ),
} as const;

// The plain list of names in core/shared/methods.ts must be exactly this table's keys: each line fails to
// compile if a method is added to (or removed from) one side only.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type MethodNamesMatchContract = Assert<Equal<keyof typeof LAB_METHODS, LabMethodName>>;

/** What a caller passes (defaults may be omitted). */
export type LabArgs<M extends LabMethodName> = z.input<(typeof LAB_METHODS)[M]['args']>;
/** What an implementation receives (defaults filled in, validated). */
export type LabParsedArgs<M extends LabMethodName> = z.output<(typeof LAB_METHODS)[M]['args']>;
export type LabResult<M extends LabMethodName> = z.output<(typeof LAB_METHODS)[M]['result']>;

/** The client side: what the renderer (window.lab) and scripts call. */
export type LabApi = {
  [M in LabMethodName]: (args: LabArgs<M>) => Promise<LabResult<M>>;
};

/** The server side: what the host implements, receiving validated arguments. */
export type LabHandlers = {
  [M in LabMethodName]: (args: LabParsedArgs<M>) => Promise<LabResult<M>>;
};

export function isLabMethod(name: string): name is LabMethodName {
  return Object.prototype.hasOwnProperty.call(LAB_METHODS, name);
}
