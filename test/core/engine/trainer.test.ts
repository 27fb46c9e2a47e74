/**
 * runTraining end to end in-process: event order, determinism, resume from a checkpoint, stop, tensor
 * count over 1000 steps, clipping, and divergence. Small models throughout (the CPU is shared).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type ExperimentSpecInput } from '../../../core/api/spec';
import { createTask } from '../../../core/tasks';
import { runTraining } from '../../../core/engine/trainer';
import { createParams, shapeOf } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { disposeState, initialSlots, trainStep, type TrainState } from '../../../core/engine/train-step';
import { tf } from '../../../core/engine/tf';
import type { TrainerEvent } from '../../../core/engine/protocol';
import { useBackend } from './setup';

type Ev = TrainerEvent;

async function run(
  input: ExperimentSpecInput,
  opts: { resume?: Ev & { type: 'checkpoint' }; stopAfter?: number; onStep?: (s: number) => void } = {},
) {
  const spec = ExperimentSpecSchema.parse(input);
  const events: Ev[] = [];
  let steps = 0;
  await runTraining(
    { runId: 'r1', spec, resume: opts.resume?.checkpoint },
    (e) => {
      events.push(e);
      if (e.type === 'step') {
        steps = e.metrics.step;
        opts.onStep?.(steps);
      }
    },
    () => opts.stopAfter !== undefined && steps >= opts.stopAfter,
  );
  return events;
}

const tiny: ExperimentSpecInput = {
  task: { kind: 'adding', seqLen: 8 },
  model: { cell: 'lstm', hidden: 8 },
  train: { steps: 20, batch: 4, lr: 0.01, evalEvery: 5, checkpointEvery: 10, seed: 9 },
  probe: { every: 10, batch: 4 },
};

const strip = (events: Ev[]) =>
  events.map((e) => {
    if (e.type === 'step') return { ...e, metrics: { ...e.metrics, wallMs: 0 } };
    if (e.type === 'checkpoint') return { type: e.type, step: e.checkpoint.step };
    return e;
  });

describe('runTraining', () => {
  beforeAll(async () => {
    await useBackend();
  });

  it('streams started, steps, profiles, checkpoints and done in order', async () => {
    const ev = await run(tiny);
    expect(ev[0]!.type).toBe('started');
    expect(ev.filter((e) => e.type === 'step')).toHaveLength(20);
    const profiles = ev.filter((e) => e.type === 'profile').map((e) => (e.type === 'profile' ? e.profile.step : -1));
    expect(profiles).toEqual([0, 10, 20]);
    const cks = ev
      .filter((e) => e.type === 'checkpoint')
      .map((e) => (e.type === 'checkpoint' ? e.checkpoint.step : -1));
    expect(cks).toEqual([10, 20]);
    const evals = ev.flatMap((e) => (e.type === 'step' && e.metrics.heldoutLoss !== undefined ? [e.metrics.step] : []));
    expect(evals).toEqual([5, 10, 15, 20]);
    const withNorms = ev.flatMap((e) => (e.type === 'step' && e.metrics.paramGradNorms ? [e.metrics.step] : []));
    expect(withNorms).toEqual([10, 20]);
    const last = ev[ev.length - 1]!;
    expect(last.type).toBe('done');
    // The end says how the run ended and nothing more: its final metrics are the host's (core/lab/final-metrics.ts).
    expect(last).toEqual({ type: 'done', runId: 'r1', status: 'completed' });
    const prof = ev.find((e) => e.type === 'profile');
    if (prof?.type === 'profile') {
      expect(prof.profile.layers[0]!.hNorms).toHaveLength(8);
      expect(prof.profile.layers[0]!.cNorms).toHaveLength(8);
    }
  });

  it('is deterministic, and a resumed run repeats the uninterrupted one number for number', async () => {
    const a = strip(await run(tiny));
    const b = strip(await run(tiny));
    expect(b).toEqual(a);
    const full = await run(tiny);
    const ck = full.find((e) => e.type === 'checkpoint' && e.checkpoint.step === 10) as Ev & { type: 'checkpoint' };
    const resumed = strip(await run(tiny, { resume: ck }));
    const stepOf = (e: ReturnType<typeof strip>[number]): number =>
      'metrics' in e
        ? e.metrics.step
        : 'profile' in e
          ? e.profile.step
          : e.type === 'checkpoint' && 'step' in e
            ? e.step
            : Infinity;
    const tail = (evs: ReturnType<typeof strip>) => evs.filter((e) => e.type !== 'started' && stepOf(e) > 10);
    expect(tail(resumed)).toEqual(tail(strip(full)));
  });

  it('stops when asked, with a checkpoint to resume from', async () => {
    const ev = await run({ ...tiny, train: { ...tiny.train, steps: 1000 } }, { stopAfter: 7 });
    const last = ev[ev.length - 1]!;
    expect(last.type).toBe('done');
    if (last.type === 'done') expect(last.status).toBe('stopped');
    expect(ev.filter((e) => e.type === 'step')).toHaveLength(7);
    expect(ev.some((e) => e.type === 'checkpoint' && e.checkpoint.step === 7)).toBe(true);
  });

  it('keeps the tensor count flat: the same after step 10 and after step 1000', async () => {
    const counts = new Map<number, number>();
    await run(
      {
        task: { kind: 'adding', seqLen: 6 },
        model: { cell: 'gru', hidden: 6 },
        train: { steps: 1000, batch: 4, evalEvery: 50, checkpointEvery: 400, clip: { mode: 'norm', threshold: 0.5 } },
        probe: { every: 100, batch: 4 },
      },
      { onStep: (s) => (s === 10 || s === 1000) && counts.set(s, tf.memory().numTensors) },
    );
    expect(counts.get(1000)).toBe(counts.get(10));
  });

  it('reports a ReLU RNN with identity Wh of gain 2 at T=200 as diverged, naming the step and tensor', async () => {
    const ev = await run({
      task: { kind: 'adding', seqLen: 200 },
      model: { cell: 'rnn', activation: 'relu', hidden: 16, init: { recurrent: 'identity', gain: 2 } },
      train: { steps: 50, batch: 8, optimizer: 'sgd', lr: 0.01 },
      probe: { every: 0 },
    });
    const last = ev[ev.length - 1]!;
    expect(last.type).toBe('diverged');
    if (last.type === 'diverged') {
      expect(last.step).toBe(1);
      expect(last.tensor).toMatch(/^(loss|grad:)/);
      console.log(`diverged at step ${last.step} on ${last.tensor}`);
    }
  });
});

describe('clipping', () => {
  beforeAll(async () => {
    await useBackend();
  });

  function appliedNorms(threshold: number) {
    const spec = ExperimentSpecSchema.parse({
      task: { kind: 'adding', seqLen: 10 },
      model: { cell: 'rnn', hidden: 12, init: { recurrent: 'orthogonal', gain: 1.5 } },
      train: { batch: 8, optimizer: 'sgd', lr: 0.05, clip: { mode: 'norm', threshold } },
    });
    const task = createTask(spec.task, 1);
    const model = shapeOf(spec.model, task.inputSize, task.outputSize);
    const params = createParams(spec.model, task.inputSize, task.outputSize, 1);
    const state: TrainState = { params, slots: initialSlots(spec.train, params), step: 0 };
    const rows: { raw: number; applied: number; clipped: boolean }[] = [];
    for (let s = 1; s <= 15; s++) {
      const b = batchTensors(task.trainBatch(s, 8), 1);
      let applied = 0;
      const out = trainStep(state, model, b, spec.train, {
        observe: (g) => {
          applied = Math.sqrt(g.reduce((a, t) => a + (tf.tidy(() => tf.sum(tf.square(t))).dataSync()[0] ?? 0), 0));
        },
      });
      disposeBatch(b);
      rows.push({ raw: out.gradNorm, applied, clipped: out.clipped });
    }
    disposeState(state);
    return rows;
  }

  it('norm clipping: every applied gradient has global norm ≤ c, and is the raw gradient below c', () => {
    const rows = appliedNorms(0.05);
    expect(rows.some((r) => r.clipped)).toBe(true);
    for (const r of rows) {
      expect(r.applied).toBeLessThanOrEqual(0.05 * (1 + 1e-5));
      if (r.raw <= 0.05) {
        expect(r.clipped).toBe(false);
        expect(r.applied).toBeCloseTo(r.raw, 6);
      } else expect(r.clipped).toBe(true);
    }
    for (const r of appliedNorms(1e6)) {
      expect(r.clipped).toBe(false);
      expect(Math.abs(r.applied - r.raw) / r.raw).toBeLessThan(1e-5);
    }
  });
});
