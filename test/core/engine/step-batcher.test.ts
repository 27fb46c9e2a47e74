/** The engine's step batcher: coalesces steps, never reorders them against other messages, loses none. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepMetrics } from '../../../core/api';
import type { EngineToHost, TrainerEvent } from '../../../core/engine/protocol';
import { stepBatcher } from '../../../core/engine/process/step-batcher';

const metrics = (step: number): StepMetrics => ({ step, wallMs: step, loss: 1 / step, gradNorm: 1, clipped: false });
const step = (runId: string, s: number): TrainerEvent => ({ type: 'step', runId, metrics: metrics(s) });
const done = (runId: string): Extract<EngineToHost, { type: 'done' }> => ({ type: 'done', runId, status: 'completed' });

describe('step batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds steps for one window and sends them as one message, oldest first', () => {
    const out: EngineToHost[] = [];
    const b = stepBatcher((m) => out.push(m), 100);
    for (let s = 1; s <= 5; s++) b.send(step('r', s));
    expect(out).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(out).toEqual([{ type: 'steps', runId: 'r', steps: [1, 2, 3, 4, 5].map(metrics) }]);
    b.send(step('r', 6));
    vi.advanceTimersByTime(100);
    expect(out[1]).toEqual({ type: 'steps', runId: 'r', steps: [metrics(6)] });
  });

  it('sends the held steps before any other message, so order is kept', () => {
    const out: EngineToHost[] = [];
    const b = stepBatcher((m) => out.push(m), 100);
    b.send(step('r', 1));
    b.send(step('r', 2));
    const between: TrainerEvent = { type: 'error', runId: 'r', message: 'x' };
    b.send(between);
    b.send(step('r', 3));
    b.send(done('r'));
    expect(out).toEqual([
      { type: 'steps', runId: 'r', steps: [metrics(1), metrics(2)] },
      between,
      { type: 'steps', runId: 'r', steps: [metrics(3)] },
      done('r'),
    ]);
    // Nothing is left over to fire later.
    vi.advanceTimersByTime(1000);
    expect(out).toHaveLength(4);
  });

  it('holds profiles with the steps, each after its own step, and sends both before anything else', () => {
    const out: EngineToHost[] = [];
    const b = stepBatcher((m) => out.push(m), 100);
    const prof = (s: number) => ({ step: s, layers: [{ layer: 0, hNorms: [1, 2], horizon: 1 }] });
    b.send({ type: 'profile', runId: 'r', profile: prof(0) });
    b.send(step('r', 1));
    b.send({ type: 'profile', runId: 'r', profile: prof(1) });
    b.send(step('r', 2));
    b.send({ type: 'profile', runId: 'r', profile: prof(2) });
    expect(out).toEqual([]);
    b.send(done('r'));
    expect(out).toEqual([
      { type: 'steps', runId: 'r', steps: [metrics(1), metrics(2)], profiles: [prof(0), prof(1), prof(2)] },
      done('r'),
    ]);
    // A window of steps alone carries no profiles field.
    b.send(step('r', 3));
    vi.advanceTimersByTime(100);
    expect(out[2]).toEqual({ type: 'steps', runId: 'r', steps: [metrics(3)] });
  });

  it('never mixes two runs in one message', () => {
    const out: EngineToHost[] = [];
    const b = stepBatcher((m) => out.push(m), 100);
    b.send(step('a', 1));
    b.send(step('b', 1));
    b.flush();
    expect(out).toEqual([
      { type: 'steps', runId: 'a', steps: [metrics(1)] },
      { type: 'steps', runId: 'b', steps: [metrics(1)] },
    ]);
  });

  it('flush() sends what is held at once and is harmless when nothing is', () => {
    const out: EngineToHost[] = [];
    const b = stepBatcher((m) => out.push(m), 100);
    b.flush();
    b.send(step('r', 1));
    b.flush();
    b.flush();
    expect(out).toEqual([{ type: 'steps', runId: 'r', steps: [metrics(1)] }]);
  });
});
