/**
 * Replications: the classic papers' results re-run in the lab, the published figure beside the measured one.
 * Each is a record (core/replications): the paper, the claim, the published figures with where they come
 * from, the set-up at each scale, and the verdict computed from the latest complete batch of its runs.
 */
import { z } from 'zod';
import { RunId } from './records';
import { LessonFigureSchema, LessonMeasurementSchema } from './lessons';
import { LocalizedSchema } from './localized';

export const REPLICATION_IDS = [
  'bengio-1994-latch',
  'hochreiter-1997-adding',
  'pascanu-2013-conditions',
  'le-2015-irnn',
  'arjovsky-2016-copy',
] as const;
export const ReplicationIdSchema = z.enum(REPLICATION_IDS);
export type ReplicationId = z.infer<typeof ReplicationIdSchema>;

/** `full`: the paper's set-up or the sweep meant for a cluster; `reduced`: ≤ 10 min on 2 cores; `smallest`: seconds, for the test suite. */
export const REPLICATION_SCALES = ['full', 'reduced', 'smallest'] as const;
export const ReplicationScaleSchema = z.enum(REPLICATION_SCALES);
export type ReplicationScale = z.infer<typeof ReplicationScaleSchema>;

export const ReplicationVerdictSchema = z.enum(['reproduced', 'partly', 'not_reproduced']);
export type ReplicationVerdict = z.infer<typeof ReplicationVerdictSchema>;

/**
 * How a published figure reached this record. `quoted`: the text was read in a stored copy of the paper;
 * `second-hand`: read in a public source that quotes the paper, not in the paper; `computed`: a closed form
 * the paper gives, computed in code; `not-found`: the paper's text could not be read here (the value is null).
 */
export const PROVENANCES = ['quoted', 'second-hand', 'computed', 'not-found'] as const;

export const PublishedFigureSchema = z.object({
  label: LocalizedSchema,
  value: z.number().nullable(),
  /** The figure in words, e.g. "a sequence is processed correctly if the absolute error at its end is below 0.04". */
  text: LocalizedSchema,
  /** Where: section, table or figure, page; and the copy it was read in. */
  source: z.string(),
  provenance: z.enum(PROVENANCES),
});
export type PublishedFigure = z.infer<typeof PublishedFigureSchema>;

export const PaperSchema = z.object({
  authors: z.string(),
  year: z.number().int(),
  title: z.string(),
  venue: z.string(),
  url: z.string(),
});

export const ReplicationResultSchema = z.object({
  verdict: ReplicationVerdictSchema,
  /** The verdict in words, with the numbers. */
  headline: LocalizedSchema,
  measured: z.array(LessonMeasurementSchema),
  figures: z.array(LessonFigureSchema),
  runIds: z.array(RunId),
  scale: ReplicationScaleSchema,
  finishedAt: z.string(),
  durationMs: z.number(),
});
export type ReplicationResult = z.infer<typeof ReplicationResultSchema>;

export const ReplicationSchema = z.object({
  id: ReplicationIdSchema,
  paper: PaperSchema,
  claim: LocalizedSchema,
  published: z.array(PublishedFigureSchema),
  /** What each scale trains, and how it differs from the paper. */
  setup: z.object({
    full: LocalizedSchema,
    reduced: LocalizedSchema,
    smallest: LocalizedSchema,
    differences: z.array(LocalizedSchema),
  }),
  state: z.enum(['new', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  error: z.string().nullable(),
  result: ReplicationResultSchema.nullable(),
  /** Whether the full form can be sent to a cluster from this lab, and if not, why. */
  cluster: z.object({ available: z.boolean(), reason: LocalizedSchema }),
  /** Where the running batch trains; `waiting`: on the cluster, none of its runs has a worker yet. */
  placement: z.enum(['local', 'cluster']).nullable().default(null),
  waiting: z.boolean().default(false),
});
export type Replication = z.infer<typeof ReplicationSchema>;
