/**
 * A running batch's progress: training steps done over the batch's runs, published at most once per
 * `minMs` (the last change is never dropped: a timer publishes it when the interval has passed).
 */
import type { LessonScale } from '../../api';

export interface ActiveBatch {
  id: string;
  scale: LessonScale;
  total: number;
  stepsTotal: Map<string, number>;
  stepsDone: Map<string, number>;
  lastEmit: number;
  timer: NodeJS.Timeout | null;
}

export function newActiveBatch(id: string, scale: LessonScale): ActiveBatch {
  return { id, scale, total: 0, stepsTotal: new Map(), stepsDone: new Map(), lastEmit: 0, timer: null };
}

export function progressOf(act: ActiveBatch | undefined): { done: number; total: number } | null {
  return act ? { done: [...act.stepsDone.values()].reduce((a, b) => a + b, 0), total: act.total } : null;
}

/** Publishes now if `minMs` has passed since the last publication, else once when it has. */
export function throttledProgress(
  act: ActiveBatch,
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

export function stopProgress(act: ActiveBatch): void {
  if (act.timer) clearTimeout(act.timer);
  act.timer = null;
}
