/**
 * Coalesces the trainer's per-step messages — steps, and the profiles of a run probed every step — into one
 * 'steps' message per window. A small run trains a thousand steps a second; a message each costs the engine
 * a serialisation and the host a decode, a wake-up and (for profiles) a store transaction, CPU that a sweep
 * on few cores takes from the engines. Anything else sends what is held first, so the host hears every
 * message in the order the trainer emitted it (a profile always follows its own step).
 */
import type { GradientProfile, StepMetrics } from '../../api';
import type { EngineToHost, TrainerEvent } from '../protocol';

export interface StepBatcher {
  send(message: TrainerEvent): void;
  /** Sends the held steps now (before the process leaves). */
  flush(): void;
}

/** Steps wait at most this long: well under the host's store flush (250 ms), so the UI sees no extra lag. */
export const STEP_WINDOW_MS = 100;

export function stepBatcher(send: (message: EngineToHost) => void, windowMs: number = STEP_WINDOW_MS): StepBatcher {
  let runId = '';
  let held: StepMetrics[] = [];
  let heldProfiles: GradientProfile[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!held.length && !heldProfiles.length) return;
    const steps = held;
    const profiles = heldProfiles;
    held = [];
    heldProfiles = [];
    send({ type: 'steps', runId, steps, ...(profiles.length ? { profiles } : {}) });
  };
  const hold = (id: string) => {
    if ((held.length || heldProfiles.length) && id !== runId) flush();
    runId = id;
    timer ??= setTimeout(flush, windowMs);
  };

  return {
    send(message) {
      if (message.type === 'step') {
        hold(message.runId);
        held.push(message.metrics);
      } else if (message.type === 'profile') {
        hold(message.runId);
        heldProfiles.push(message.profile);
      } else {
        flush();
        send(message);
      }
    },
    flush,
  };
}
