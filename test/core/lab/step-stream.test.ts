/**
 * Steps reach the store and the event stream coalesced by the engine process: every step of a run, once, in
 * order, whether the run completes or is stopped mid-way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type LabEvent } from '../../../core/api';
import { openTestLab, tinySpec, until, type TestLab } from './helpers';

let lab: TestLab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const streamed = (events: LabEvent[], runId: string) =>
  events.flatMap((e) => (e.type === 'run.steps' && e.runId === runId ? e.steps.map((s) => s.step) : []));

describe('step stream', () => {
  it('stores and streams every step of a completed run in order', async () => {
    lab = openTestLab();
    const run = await lab.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 300 })) });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    expect(ended.stepsDone).toBe(300);
    expect(ended.final.steps).toBe(300);
    const loss = (await lab.handlers.getSeries({ runId: run.id, metrics: ['loss'] })).series[0]!;
    expect(loss.step).toEqual(steps(300));
    expect(streamed(lab.events, run.id)).toEqual(steps(300));
  });

  it('a run probed every step from its training pass: every profile stored and streamed once, with its step’s wall time', async () => {
    lab = openTestLab();
    const spec = ExperimentSpecSchema.parse({ ...tinySpec({ steps: 400 }), probe: { every: 1, source: 'train' } });
    const run = await lab.handlers.startRun({ spec });
    expect((await lab.whenEnded(run.id)).status).toBe('completed');
    const { profiles } = await lab.handlers.getProfiles({ runId: run.id, latest: false });
    expect(profiles.map((p) => p.step)).toEqual(steps(400));
    // Streamed in batches, as steps are: one event per batch the engine sent (a 100 ms window), not per profile.
    const batches = lab.events.flatMap((e) => (e.type === 'run.profiles' && e.runId === run.id ? [e.profiles] : []));
    expect(batches.flat().map((p) => p.step)).toEqual(steps(400));
    expect(batches.every((b) => b.length > 0)).toBe(true);
    expect(batches.length).toBeLessThan(400);
    const { series } = await lab.handlers.getSeries({ runId: run.id, metrics: ['loss', 'horizon'] });
    const [loss, horizon] = ['loss', 'horizon'].map((m) => series.find((x) => x.metric === m)!);
    expect(horizon!.step).toEqual(steps(400));
    expect(horizon!.wallMs).toEqual(loss!.wallMs);
    // Thinned for a page: evenly spaced, first and last kept.
    const thin = await lab.handlers.getProfiles({ runId: run.id, max: 5, latest: false });
    expect(thin.profiles.map((p) => p.step)).toEqual([1, 101, 201, 300, 400]);
  });

  it('loses no step of a stopped run: what was trained up to the stop checkpoint is stored and streamed', async () => {
    lab = openTestLab();
    const run = await lab.handlers.startRun({
      spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000, checkpointEvery: 1000 })),
    });
    await until(() => streamed(lab!.events, run.id).length >= 50, 'steps to stream');
    await lab.handlers.stopRun({ runId: run.id });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('stopped');
    // The engine checkpoints where it stopped: every step up to it must have arrived before 'done'.
    expect((await lab.handlers.getRun({ runId: run.id })).lastCheckpointStep).toBe(ended.stepsDone);
    const loss = (await lab.handlers.getSeries({ runId: run.id, metrics: ['loss'] })).series[0]!;
    expect(loss.step).toEqual(steps(ended.stepsDone));
    expect(streamed(lab.events, run.id)).toEqual(steps(ended.stepsDone));
  });
});
