/**
 * Coalesces the trainer's per-step messages into one 'steps' message per window. A small run trains a
 * thousand steps a second; a message each costs the engine a serialisation and the host a decode and a
 * wake-up, CPU that a sweep on few cores takes from the engines. Anything that is not a step sends the
 * held steps first, so the host hears every message in the order the trainer emitted it.
 */
import type { StepMetrics } from '../../api';
import type { EngineToHost } from '../protocol';

export interface StepBatcher {
  send(message: EngineToHost): void;
  /** Sends the held steps now (before the process leaves). */
  flush(): void;
}

/** Steps wait at most this long: well under the host's store flush (250 ms), so the UI sees no extra lag. */
export const STEP_WINDOW_MS = 100;

export function stepBatcher(send: (message: EngineToHost) => void, windowMs: number = STEP_WINDOW_MS): StepBatcher {
  let runId = '';
  let held: StepMetrics[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!held.length) return;
    const metrics = held;
    held = [];
    send({ type: 'steps', runId, steps: metrics });
  };

  return {
    send(message) {
      if (message.type !== 'step') {
        flush();
        send(message);
        return;
      }
      if (held.length && message.runId !== runId) flush();
      runId = message.runId;
      held.push(message.metrics);
      timer ??= setTimeout(flush, windowMs);
    },
    flush,
  };
}
