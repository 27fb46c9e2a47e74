/** What flows back from the lab to every subscriber (window, browser page, CLI). */
import { z } from 'zod';
import { DivergenceSchema, FinalMetricsSchema, GradientProfileSchema, RunId, RunSummarySchema } from './records';
import { Real } from './numbers';
import { LessonSchema } from './lessons';
import { ReplicationSchema } from './replications';

/** The scalar metrics of one training step. Optional fields appear on the steps where they are measured. */
export const StepMetricsSchema = z.object({
  step: z.number().int(),
  wallMs: z.number(),
  loss: Real,
  /** Global L2 norm of all gradients, before clipping. */
  gradNorm: Real,
  clipped: z.boolean(),
  heldoutLoss: Real.optional(),
  accuracy: Real.optional(),
  heldoutAccuracy: Real.optional(),
  /** Per-parameter gradient norms, keyed `layer0.Wh`, `readout.W`, ... */
  paramGradNorms: z.record(z.string(), Real).optional(),
});
export type StepMetrics = z.infer<typeof StepMetricsSchema>;

export const LabEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.queued'), run: RunSummarySchema }),
  /**
   * resumedFrom: the run trains again from its checkpoint at that step (a resume, or a cluster worker taking
   * over from a lost one); what was shown after that step is gone from the store, and goes from the view too.
   */
  z.object({ type: z.literal('run.started'), run: RunSummarySchema, resumedFrom: z.number().int().min(0).optional() }),
  /** Step metrics, batched by the host (one event per flush, not per step). */
  z.object({
    type: z.literal('run.steps'),
    runId: RunId,
    steps: z.array(StepMetricsSchema),
    stepsTotal: z.number().int(),
  }),
  /** Gradient profiles, batched as steps are (the ones the engine measured since the last batch, in order). */
  z.object({ type: z.literal('run.profiles'), runId: RunId, profiles: z.array(GradientProfileSchema) }),
  z.object({ type: z.literal('run.finished'), run: RunSummarySchema, final: FinalMetricsSchema }),
  z.object({ type: z.literal('run.diverged'), run: RunSummarySchema, divergence: DivergenceSchema }),
  z.object({ type: z.literal('run.failed'), run: RunSummarySchema, reason: z.string() }),
  z.object({ type: z.literal('run.interrupted'), run: RunSummarySchema }),
  z.object({ type: z.literal('run.updated'), run: RunSummarySchema }),
  z.object({ type: z.literal('run.deleted'), runId: RunId }),
  /** A lesson's state, progress or result changed. */
  z.object({ type: z.literal('lesson.updated'), lesson: LessonSchema }),
  /** A replication's state, progress or result changed. */
  z.object({ type: z.literal('replication.updated'), replication: ReplicationSchema }),
]);
export type LabEvent = z.infer<typeof LabEventSchema>;
export type LabEventType = LabEvent['type'];
export type LabEventOf<T extends LabEventType> = Extract<LabEvent, { type: T }>;

/** The run an event is about, or null for events about no run (lessons). */
export function eventRunId(e: LabEvent): string | null {
  return 'runId' in e ? e.runId : 'run' in e ? e.run.id : null;
}
