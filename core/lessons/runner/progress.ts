/**
 * A running batch's progress: training steps done over the batch's runs, published at most once per
 * `minMs` (the last change is never dropped: a timer publishes it when the interval has passed).
 */
import type { LessonScale } from '../../api';

export interface ActiveBatch<S extends string = LessonScale> {
  id: string;
  scale: S;
  /** Runs an engine or a worker is training now, and runs that have ended (a cluster batch waits while both are short). */
  training: Set<string>;
  ended: Set<string>;
  total: number;
  stepsTotal: Map<string, number>;
  stepsDone: Map<string, number>;
  lastEmit: number;
  timer: NodeJS.Timeout | null;
}

export function newActiveBatch<S extends string = LessonScale>(id: string, scale: S): ActiveBatch<S> {
  return {
    id,
    scale,
    training: new Set(),
    ended: new Set(),
    total: 0,
    stepsTotal: new Map(),
    stepsDone: new Map(),
    lastEmit: 0,
    timer: null,
  };
}

export function progressOf<S extends string>(act: ActiveBatch<S> | undefined): { done: number; total: number } | null {
  return act ? { done: [...act.stepsDone.values()].reduce((a, b) => a + b, 0), total: act.total } : null;
}

/** Publishes now if `minMs` has passed since the last publication, else once when it has. */
export function throttledProgress<S extends string>(
  act: ActiveBatch<S>,
  minMs: number,
  publish: () => void,
  stillActive: () => boolean,
): void {
  const wait = minMs - (Date.now() - act.lastEmit);
  if (act.timer) return;
  if (wait <= 0) {
    act.lastEmit = Date.now();
    publish();
    return;
  }
  act.timer = setTimeout(() => {
    act.timer = null;
    act.lastEmit = Date.now();
    if (stillActive()) publish();
  }, wait);
  act.timer.unref();
}

/** No run of the batch is training and some have yet to end: on the cluster, the batch waits for a worker. */
export function waitingOf<S extends string>(act: ActiveBatch<S> | undefined): boolean {
  return act ? act.training.size === 0 && act.ended.size < act.stepsTotal.size : false;
}

export function stopProgress<S extends string>(act: ActiveBatch<S>): void {
  if (act.timer) clearTimeout(act.timer);
  act.timer = null;
}
