/**
 * Learning, seeded and short: an LSTM (H=32, Adam 1e-2, batch 32) gets the adding problem at T=30 below
 * 0.05 held-out MSE within 1,000 steps (predicting the mean scores 1/6 ≈ 0.1667). Stops as soon as it does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api/spec';
import { runTraining } from '../../../core/engine/trainer';
import { useBackend } from './setup';

describe('learning', () => {
  beforeAll(async () => {
    await useBackend();
  });

  it('LSTM learns adding at T=30 below 0.05 MSE within 1000 steps', async () => {
    const spec = ExperimentSpecSchema.parse({
      task: { kind: 'adding', seqLen: 30 },
      model: { cell: 'lstm', hidden: 32 },
      train: { optimizer: 'adam', lr: 1e-2, batch: 32, steps: 1000, evalEvery: 25, checkpointEvery: 10_000, seed: 1 },
      probe: { every: 0 },
    });
    let reached: number | null = null;
    const curve: string[] = [];
    await runTraining(
      { runId: 'learn', spec },
      (e) => {
        if (e.type === 'step' && e.metrics.heldoutLoss !== undefined) {
          curve.push(`${e.metrics.step}:${e.metrics.heldoutLoss.toFixed(4)}`);
          if (e.metrics.heldoutLoss < 0.05 && reached === null) reached = e.metrics.step;
        }
      },
      () => reached !== null,
    );
    console.log(`adding T=30 LSTM held-out MSE: ${curve.join(' ')}; below 0.05 at step ${reached}`);
    expect(reached).not.toBeNull();
    expect(reached!).toBeLessThanOrEqual(1000);
  });
});
