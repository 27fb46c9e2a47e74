/**
 * Runs lessons through the Lab and judges them from the store. A result is always derived from stored runs —
 * the latest complete batch — so re-opening a lesson, even after a restart, shows the last result without
 * training again. Progress counts training steps over the batch's runs and arrives as `lesson.updated`
 * events. The pieces: runner/batches (tags and stored batches), runner/launch (starting a batch),
 * runner/progress (throttled progress), runner/verdicts (judging, cached), runner/predictions (a checkpoint's
 * predictions, once per run), runner/view (the state a lesson shows).
 *
 * The lab passes in everything a lesson uses (its run operations, events, an engine's predictions): the
 * lessons never reach back into the lab.
 */
import { LabError, type LabEvent, type Lesson, type LessonScale, type RunSummary } from '../api';
import type { LabStore } from '../store';
import { LESSONS, lessonDefinition } from './registry';
import type { LessonDefinition } from './types';
import { newBatchId } from './runner/batches';
import { launchBatch, type LaunchDeps } from './runner/launch';
import { createPredictionCache, type Predict } from './runner/predictions';
import { newActiveBatch, stopProgress, throttledProgress, type ActiveBatch } from './runner/progress';
import { followBatch } from './runner/batch-runner';
import { createVerdictCache } from './runner/verdicts';
import { lessonView } from './runner/view';

export { LESSON_TAG, BATCH_TAG_PREFIX, KEY_TAG_PREFIX, storedBatches } from './runner/batches';
export { PREDICTION_METRICS } from './runner/predictions';

export interface LessonRunnerDeps extends LaunchDeps {
  /** The run history, or null in a lab without one (lessons are then listed but cannot run). */
  store(): LabStore | null;
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
  /** Predictions of a checkpoint by an engine process (the lab passes core/lab/predictions.ts's). */
  predict: Predict;
  /** Minimum time between two progress events of one lesson (default 250 ms). */
  progressMs?: number;
}

export interface LessonRunner {
  list(): Promise<Lesson[]>;
  get(id: number): Promise<Lesson>;
  run(id: number, scale: LessonScale): Promise<Lesson>;
  /** Stops reporting and judging (the Lab stops the runs themselves). */
  close(): void;
}

export function createLessonRunner(deps: LessonRunnerDeps): LessonRunner {
  const active = new Map<number, ActiveBatch>();
  /** The last batch a run of this lab failed to start or judge: its error stays until the next batch. */
  const startErrors = new Map<number, string>();
  const predictions = createPredictionCache(deps.predict);
  const judge = createVerdictCache(predictions.get);
  let closed = false;

  const requireStore = (): LabStore => {
    const s = deps.store();
    if (!s) throw new LabError('unavailable', 'This lab was opened without a run history database: lessons need one');
    return s;
  };

  const definition = (id: number): LessonDefinition => {
    const def = lessonDefinition(id);
    if (!def) throw new LabError('not_found', `No lesson ${id} (lessons are numbered 1 to ${LESSONS.length})`);
    return def;
  };

  const view = (id: number): Promise<Lesson> =>
    lessonView(definition(id), deps.store(), active.get(id), startErrors.get(id) ?? null, judge);

  const publish = (id: number): void => {
    if (closed) return;
    view(id)
      .then((lesson) => !closed && deps.emit({ type: 'lesson.updated', lesson }))
      .catch(() => undefined);
  };
  const progressEvent = (id: number, act: ActiveBatch): void =>
    throttledProgress(
      act,
      deps.progressMs ?? 250,
      () => publish(id),
      () => active.get(id) === act,
    );

  return {
    list: () => Promise.all(LESSONS.map((l) => view(l.id))),
    get: (id) => view(id),
    async run(id, scale) {
      const def = definition(id);
      requireStore();
      if (active.has(id)) throw new LabError('conflict', `Lesson ${id} is already running`);
      const act = newActiveBatch(newBatchId(scale), scale);
      active.set(id, act);
      startErrors.delete(id);
      await followBatch(deps, act, () => launchBatch(deps, id, def, act), {
        what: 'lesson',
        changed: () => progressEvent(id, act),
        finish: (error) => {
          stopProgress(act);
          if (error) startErrors.set(id, error);
          active.delete(id);
          publish(id);
        },
      });
      const lesson = await view(id);
      deps.emit({ type: 'lesson.updated', lesson });
      return lesson;
    },
    close() {
      closed = true;
      predictions.close();
      for (const act of active.values()) stopProgress(act);
    },
  };
}
