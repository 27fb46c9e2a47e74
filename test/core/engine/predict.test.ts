/**
 * Predictions of stored weights (core/engine/predict.ts) and the checkpoint a diverging run leaves: the
 * weights its diverging step wrote. A trained model predicts finite values matching the held-out loss; a
 * diverged one holds NaN/∞ weights and predicts NaN.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type ExperimentSpecInput } from '../../../core/api/spec';
import { runTraining } from '../../../core/engine/trainer';
import { predict } from '../../../core/engine/predict';
import { decodeCheckpoint } from '../../../core/engine/checkpoint';
import type { Checkpoint, TrainerEvent } from '../../../core/engine/protocol';
import { useBackend } from './setup';

async function train(input: ExperimentSpecInput) {
  const spec = ExperimentSpecSchema.parse(input);
  const events: TrainerEvent[] = [];
  await runTraining(
    { runId: 'p', spec },
    (e) => events.push(e),
    () => false,
  );
  const checkpoints = events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : []));
  return { spec, events, last: checkpoints[checkpoints.length - 1] as Checkpoint, checkpoints };
}

describe('predictions of stored weights', () => {
  beforeAll(async () => {
    await useBackend();
  });

  it('a trained model predicts finite values whose MSE is its held-out loss', async () => {
    const { spec, events, last } = await train({
      task: { kind: 'adding', seqLen: 6 },
      model: { cell: 'rnn', hidden: 8 },
      train: { steps: 30, batch: 16, lr: 0.01, evalEvery: 30, checkpointEvery: 30, seed: 2 },
      probe: { every: 0 },
    });
    const done = events[events.length - 1]!;
    expect(done.type).toBe('done');
    // Same held-out batch as the trainer's (its size is train.batch): the same loss, number for number.
    const p = await predict({ spec, checkpoint: last, count: 16 });
    expect(p).toMatchObject({
      checkpointStep: 30,
      lossKind: 'mse_last',
      T: 6,
      count: 16,
      inputSize: 2,
      outputSize: 1,
      nonFiniteWeights: 0,
    });
    expect(p.inputs).toHaveLength(6 * 16 * 2);
    expect(p.outputs).toHaveLength(16);
    let mse = 0;
    for (let i = 0; i < 16; i++) mse += (p.outputs[i]! - p.targets[i]!) ** 2;
    const lastEval = events.findLast((e) => e.type === 'step' && e.metrics.heldoutLoss !== undefined);
    const heldout = lastEval?.type === 'step' ? lastEval.metrics.heldoutLoss! : NaN;
    expect(mse / 16).toBeCloseTo(heldout, 5);
  });

  it('a diverging run checkpoints the non-finite weights of its last step, and they predict NaN', async () => {
    const { spec, events, last } = await train({
      task: { kind: 'adding', seqLen: 50 },
      model: { cell: 'rnn', activation: 'relu', hidden: 8, init: { recurrent: 'identity', gain: 1.2 } },
      train: { optimizer: 'sgd', lr: 0.01, steps: 50, batch: 16, evalEvery: 10, checkpointEvery: 10, seed: 1 },
      probe: { every: 0 },
    });
    const end = events[events.length - 1]!;
    expect(end.type).toBe('diverged');
    if (end.type !== 'diverged') return;
    // The checkpoint comes before the 'diverged' message and holds the step that diverged.
    const idx = events.findIndex((e) => e.type === 'checkpoint' && e.checkpoint.step === end.step);
    expect(idx).toBeGreaterThan(-1);
    expect(idx).toBe(events.length - 2);
    const weights = decodeCheckpoint(last).params.flatMap((t) => Array.from(t.data));
    expect(weights.some((v) => !Number.isFinite(v))).toBe(true);
    const p = await predict({ spec, checkpoint: last, count: 8 });
    expect(p.nonFiniteWeights).toBe(weights.filter((v) => !Number.isFinite(v)).length);
    expect(Array.from(p.outputs).every((v) => Number.isNaN(v))).toBe(true);
  });

  it('refuses a checkpoint of another model and a bad count', async () => {
    const { last } = await train({
      task: { kind: 'adding', seqLen: 4 },
      model: { hidden: 4 },
      train: { steps: 1, batch: 2 },
      probe: { every: 0 },
    });
    const other = ExperimentSpecSchema.parse({ task: { kind: 'adding', seqLen: 4 }, model: { hidden: 5 } });
    await expect(predict({ spec: other, checkpoint: last, count: 4 })).rejects.toThrow(/does not match/);
    await expect(predict({ spec: other, checkpoint: last, count: 0 })).rejects.toThrow(/1 to/);
  });
});
