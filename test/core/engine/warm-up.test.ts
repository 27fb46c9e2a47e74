/** The engine's warm-up (core/engine/process/warm-up.ts): real tiny runs of every cell, within its budget. */
import { describe, expect, it } from 'vitest';
import { warmUp, warmUpBudget, DEFAULT_WARMUP_MS } from '../../../core/engine/process/warm-up';
import { tf } from '../../../core/engine/tf';
import { useBackend } from './setup';

describe('engine warm-up', () => {
  it('trains every cell through runTraining when the budget allows, and leaves no tensors behind', async () => {
    await useBackend();
    const before = tf.memory().numTensors;
    const r = await warmUp(60_000);
    // Three cells × 40 steps: nothing was cut short.
    expect(r.steps).toBe(120);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does nothing with a budget of 0', async () => {
    expect(await warmUp(0)).toEqual({ ms: 0, steps: 0 });
  });

  it('reads GRADLAB_WARMUP_MS, and says what is allowed when it is wrong', () => {
    expect(warmUpBudget({})).toBe(DEFAULT_WARMUP_MS);
    expect(warmUpBudget({ GRADLAB_WARMUP_MS: '250' })).toBe(250);
    expect(() => warmUpBudget({ GRADLAB_WARMUP_MS: 'soon' })).toThrow(/GRADLAB_WARMUP_MS="soon".*0 to 60000/);
  });
});
