/**
 * The Lessons half of LabApi: core/lessons' runner wired to this Lab's handlers, store, events and engine
 * pool. Lesson runs are ordinary runs (queued, stored and shown like any other), tagged `lesson:N`.
 */
import { createLessonRunner } from '../lessons/lesson-runner';
import { runnerOps, type ContentHost, type ContentHostDeps } from './content-host';
import type { LeaseEngine } from './engine-pool';
import { requestPredictions } from './predictions';

export type LessonMethod = 'listLessons' | 'getLesson' | 'runLesson';

export interface LessonHostDeps extends ContentHostDeps {
  engines: LeaseEngine;
}

export type LessonHost = ContentHost<LessonMethod>;

export function lessonHost(deps: LessonHostDeps): LessonHost {
  const runner = createLessonRunner({
    ...runnerOps(deps),
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
