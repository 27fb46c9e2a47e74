/**
 * A run's final metrics are kept in one place (core/lab/final-metrics.ts), folded from what the host heard:
 * however a real run ends, they are its last stored step and the horizon of its latest stored profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type RunSummary } from '../../../core/api';
import { openTestLab, tinySpec, until, type TestLab } from './helpers';

let lab: TestLab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

/** The last stored value of each metric and the latest stored profile's first-layer horizon. */
async function storedEnd(l: TestLab, runId: string) {
  const { series } = await l.handlers.getSeries({ runId, metrics: ['loss', 'heldoutLoss'] });
  const last = (metric: string) => {
    const s = series.find((x) => x.metric === metric)!;
    return { step: s.step.at(-1)!, value: s.value.at(-1)!, wallMs: s.wallMs.at(-1)! };
  };
  const { profiles } = await l.handlers.getProfiles({ runId, latest: true });
  return { loss: last('loss'), heldout: last('heldoutLoss'), horizon: profiles[0]!.layers[0]!.horizon };
}

function expectFinalIsStoredEnd(run: RunSummary, end: Awaited<ReturnType<typeof storedEnd>>) {
  expect(run.final.steps).toBe(run.stepsDone);
  expect(run.final.steps).toBe(end.loss.step);
  expect(run.final.loss).toBe(end.loss.value);
  expect(run.final.wallMs).toBe(end.loss.wallMs);
  expect(run.final.heldoutLoss).toBe(end.heldout.value);
  expect(run.final.horizon).toBe(end.horizon);
}

describe('final metrics', () => {
  it('of a completed run: its last step, last evaluation and latest profile, in the event and the store alike', async () => {
    lab = openTestLab();
    const run = await lab.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 60 })) });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    expectFinalIsStoredEnd(ended, await storedEnd(lab, run.id));
    const finished = lab.events.find((e) => e.type === 'run.finished' && e.run.id === run.id);
    expect(finished?.type === 'run.finished' && finished.final).toEqual(ended.final);
  });

  it('of a run whose engine is killed mid-way: what was heard up to the kill, nothing read back', async () => {
    lab = openTestLab();
    const run = await lab.handlers.startRun({
      spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000, checkpointEvery: 1000 })),
    });
    const streamed = () =>
      lab!.events.filter((e) => e.type === 'run.profiles' && e.runId === run.id).length >= 2 &&
      lab!.events.some((e) => e.type === 'run.steps' && e.runId === run.id && e.steps.at(-1)!.step > 30);
    await until(streamed, 'steps and profiles to stream');
    lab.engines.at(-1)!.kill('SIGKILL');
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('failed');
    expect(ended.final.steps).toBeGreaterThan(30);
    expectFinalIsStoredEnd(ended, await storedEnd(lab, run.id));
  });

  it('of a stopped run', async () => {
    lab = openTestLab();
    const run = await lab.handlers.startRun({
      spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000, checkpointEvery: 1000 })),
    });
    await until(
      () => lab!.events.some((e) => e.type === 'run.steps' && e.runId === run.id && e.steps.at(-1)!.step > 20),
      'steps to stream',
    );
    await lab.handlers.stopRun({ runId: run.id });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('stopped');
    expectFinalIsStoredEnd(ended, await storedEnd(lab, run.id));
  });
});
