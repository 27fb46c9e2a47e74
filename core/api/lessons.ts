/** Lessons: each claim of the vanishing-gradient story as a one-click experiment with its evidence. */
import { z } from 'zod';
import { RunId } from './records';
import { FIGURE_CHARTS } from './contract-figures';
import { LocalizedSchema } from './localized';

export const LESSON_IDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const LessonIdSchema = z.number().int().min(1).max(8);
export const LessonScaleSchema = z.enum(['default', 'reduced']);
export type LessonScale = z.infer<typeof LessonScaleSchema>;

export const LessonVerdictSchema = z.enum(['supported', 'not_supported', 'inconclusive']);

export const LessonMeasurementSchema = z.object({
  label: LocalizedSchema,
  value: z.number().nullable(),
  /** How to read it, e.g. "per step", "steps", "MSE". */
  unit: LocalizedSchema.optional(),
});

/** A figure of the lesson, drawn with exportFigure's machinery from the lesson's stored runs. */
export const LessonFigureSchema = z.object({
  title: LocalizedSchema,
  chart: z.enum(FIGURE_CHARTS),
  runIds: z.array(RunId).min(1),
  settings: z.record(z.string(), z.unknown()),
});

export const LessonResultSchema = z.object({
  verdict: LessonVerdictSchema,
  /** The verdict in plain words, with the numbers, e.g. "decay per step: tanh 0.91, sigmoid 0.24; …". */
  headline: LocalizedSchema,
  measurements: z.array(LessonMeasurementSchema),
  runIds: z.array(RunId),
  figures: z.array(LessonFigureSchema),
  scale: LessonScaleSchema,
  finishedAt: z.string(),
  durationMs: z.number(),
});
export type LessonMeasurement = z.infer<typeof LessonMeasurementSchema>;
export type LessonFigure = z.infer<typeof LessonFigureSchema>;
export type LessonResult = z.infer<typeof LessonResultSchema>;

export const LessonSchema = z.object({
  id: LessonIdSchema,
  title: LocalizedSchema,
  /** The claim, one sentence. */
  claim: LocalizedSchema,
  /** The explanation in the lab's own words: paragraphs separated by blank lines; formulas in plain Unicode. */
  explanation: LocalizedSchema,
  /** What the lesson trains, one line per scale (default, then reduced). */
  plan: LocalizedSchema,
  state: z.enum(['new', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  error: z.string().nullable(),
  result: LessonResultSchema.nullable(),
});
export type Lesson = z.infer<typeof LessonSchema>;
