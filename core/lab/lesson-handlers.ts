/**
 * The Lessons half of LabApi: core/lessons' runner wired to this Lab's handlers, store, events and engine
 * pool. Lesson runs are ordinary runs (queued, stored and shown like any other), tagged `lesson:N`.
 */
import type { ExperimentSpec, LabEvent, LabHandlers, RunSummary } from '../api';
import type { LabStore } from '../store';
import { createLessonRunner } from '../lessons/lesson-runner';
import type { LeaseEngine } from './engine-pool';
import { requestPredictions } from './predictions';

export type LessonMethod = 'listLessons' | 'getLesson' | 'runLesson';

export interface LessonHostDeps {
  store(): LabStore | null;
  /** The Lab's own run operations, which lesson runs go through like any other run. */
  startRun: LabHandlers['startRun'];
  startSweep: LabHandlers['startSweep'];
  tagRun: LabHandlers['tagRun'];
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
  engines: LeaseEngine;
}

export interface LessonHost {
  handlers: Pick<LabHandlers, LessonMethod>;
  close(): void;
}

export function lessonHost(deps: LessonHostDeps): LessonHost {
  const runner = createLessonRunner({
    store: deps.store,
    startRun: (spec: ExperimentSpec) => deps.startRun({ spec }),
    startSweep: ({ name, base, grid }) => deps.startSweep({ name, base, grid }),
    tagRun: (runId, add) => deps.tagRun({ runId, add, remove: [] }),
    whenEnded: deps.whenEnded,
    subscribe: deps.subscribe,
    emit: deps.emit,
    predict: (spec, checkpoint, count) => requestPredictions(deps.engines, spec, checkpoint, count),
  });
  return {
    handlers: {
      listLessons: async () => ({ lessons: await runner.list() }),
      getLesson: ({ id }) => runner.get(id),
      runLesson: ({ id, scale }) => runner.run(id, scale),
    },
    close: () => runner.close(),
  };
}
