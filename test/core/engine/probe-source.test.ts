/**
 * probe.source = 'train' reads each profile off the training step's own pass: the profile at step s must be
 * the gradient step s applied (weights after s − 1 updates, step s's batch), which an independent pass — the
 * fixed-probe path's rescaled backward, itself held against float64 — reproduces on the same weights and
 * batch. probe.spectraEvery gates the vanilla-RNN spectra on either source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type ExperimentSpecInput } from '../../../core/api/spec';
import { createTask } from '../../../core/tasks';
import { runTraining } from '../../../core/engine/trainer';
import { createParams, shapeOf } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { disposeState, initialSlots, trainStep, type TrainState } from '../../../core/engine/train-step';
import { measureProfile } from '../../../core/engine/metrics/profile';
import type { GradientProfile } from '../../../core/api/records';
import { setFusedKernels } from '../../../core/engine/kernels/recurrent-kernel';
import { useBackend } from './setup';

async function profilesOf(input: ExperimentSpecInput): Promise<GradientProfile[]> {
  const spec = ExperimentSpecSchema.parse(input);
  const out: GradientProfile[] = [];
  await runTraining(
    { runId: 'p', spec },
    (e) => e.type === 'profile' && out.push(e.profile),
    () => false,
  );
  return out;
}

/** The profile of step s recomputed apart: s − 1 training steps, then a rescaled pass on batch s. */
function independentProfile(input: ExperimentSpecInput, s: number): GradientProfile {
  const spec = ExperimentSpecSchema.parse(input);
  const task = createTask(spec.task, spec.train.seed);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const params = createParams(spec.model, task.inputSize, task.outputSize, spec.train.seed);
  const state: TrainState = { params, slots: initialSlots(spec.train, params), step: 0 };
  for (let i = 1; i < s; i++) {
    const b = batchTensors(task.trainBatch(i, spec.train.batch), task.outputSize);
    trainStep(state, model, b, spec.train, { applyDiverged: true });
    disposeBatch(b);
  }
  const b = batchTensors(task.trainBatch(s, spec.train.batch), task.outputSize);
  const p = measureProfile(state.params, model, b, s);
  disposeBatch(b);
  disposeState(state);
  return p;
}

const relErr = (a: number[], b: number[]) =>
  Math.max(...a.map((x, i) => Math.abs(x - b[i]!) / Math.max(Math.abs(b[i]!), 1e-300)));

const base = (cell: 'rnn' | 'lstm' | 'gru'): ExperimentSpecInput => ({
  task: { kind: 'adding', seqLen: 12 },
  model: { cell, hidden: 8, layers: 2 },
  train: { steps: 6, batch: 5, lr: 0.01, evalEvery: 3, checkpointEvery: 100, seed: 4 },
  probe: { every: 3, source: 'train' },
});

for (const fused of ['on', 'off'] as const) {
  describe(`probe.source = 'train' (fused kernel ${fused})`, () => {
    beforeAll(async () => {
      await useBackend();
      setFusedKernels(fused);
    });
    afterAll(() => setFusedKernels('auto'));

    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      it(`${cell}: profiles at steps 3 and 6 are those steps' own gradients (no step-0 profile)`, async () => {
        const got = await profilesOf(base(cell));
        expect(got.map((p) => p.step)).toEqual([3, 6]);
        for (const p of got) {
          const want = independentProfile(base(cell), p.step);
          p.layers.forEach((L, l) => {
            const W = want.layers[l]!;
            expect(relErr(L.hNorms, W.hNorms)).toBeLessThan(1e-4);
            if (cell === 'lstm') expect(relErr(L.cNorms!, W.cNorms!)).toBeLessThan(1e-4);
            expect(L.horizon).toBe(W.horizon);
            expect(L.saturation).toBeCloseTo(W.saturation!, 12);
            if (cell === 'rnn') {
              expect(L.sigmaMax!).toBeCloseTo(W.sigmaMax!, 6);
              expect(L.spectralRadius!).toBeCloseTo(W.spectralRadius!, 6);
              expect(relErr(L.jacobianNorms!, W.jacobianNorms!)).toBeLessThan(1e-4);
            } else {
              expect(L).not.toHaveProperty('jacobianNorms');
            }
          });
        }
      });
    }
  });
}

describe('probe.spectraEvery', () => {
  beforeAll(async () => {
    await useBackend();
  });
  const spectraSteps = (ps: GradientProfile[]) => ps.filter((p) => p.layers[0]!.jacobianNorms).map((p) => p.step);

  it('train source, every step: spectra only at multiples of spectraEvery and at the last step', async () => {
    const ps = await profilesOf({
      ...base('rnn'),
      train: { ...base('rnn').train, steps: 11 },
      probe: { every: 1, source: 'train', spectraEvery: 5 },
    });
    expect(ps.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(spectraSteps(ps)).toEqual([5, 10, 11]);
    for (const p of ps) {
      const L = p.layers[0]!;
      expect(L.hNorms).toHaveLength(12);
      if (!L.jacobianNorms)
        expect([L.sigmaMax, L.spectralRadius, L.jacobianBound]).toEqual([undefined, undefined, undefined]);
    }
  });

  it('fixed source: the same gate, step 0 included', async () => {
    const ps = await profilesOf({ ...base('rnn'), probe: { every: 2, source: 'fixed', spectraEvery: 4 } });
    expect(ps.map((p) => p.step)).toEqual([0, 2, 4, 6]);
    expect(spectraSteps(ps)).toEqual([0, 4, 6]);
  });

  it('names the field and what is allowed for a bad source or spectra interval', () => {
    const bad = ExperimentSpecSchema.safeParse({ probe: { source: 'test', spectraEvery: 0 } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths.some((p) => p.startsWith('probe.source') && p.includes('fixed') && p.includes('train'))).toBe(true);
    expect(paths.some((p) => p.startsWith('probe.spectraEvery'))).toBe(true);
  });
});
