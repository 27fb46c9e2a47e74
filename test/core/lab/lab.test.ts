/** The Lab end to end: real engine processes, a real SQLite file, every way a run can end. */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ExperimentSpecSchema, eventRunId } from '../../../core/api';
import { openTestLab, tempDb, tinySpec, until, type TestLab } from './helpers';

const labs: TestLab[] = [];
const open = (...a: Parameters<typeof openTestLab>) => {
  const l = openTestLab(...a);
  labs.push(l);
  return l;
};
afterEach(async () => {
  while (labs.length) await labs.pop()!.close();
});

const integrity = (path: string) => new Database(path, { readonly: true }).pragma('integrity_check', { simple: true });
const spec = (over: Parameters<typeof tinySpec>[0] = {}) => ExperimentSpecSchema.parse(tinySpec(over));

describe('Lab runs', () => {
  it('trains a run to completion, storing its series and profiles and pushing its events in order', async () => {
    const lab = open();
    const run = await lab.handlers.startRun({ spec: spec() });
    expect(run.status).toBe('queued');
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    expect(ended.stepsDone).toBe(40);
    expect(ended.backend).toMatch(/wasm|cpu|tensorflow/);
    const { series } = await lab.handlers.getSeries({ runId: run.id });
    const loss = series.find((s) => s.metric === 'loss')!;
    expect(loss.step).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(series.map((s) => s.metric)).toEqual(
      expect.arrayContaining(['loss', 'heldoutLoss', 'gradNorm', 'clipped', 'horizon']),
    );
    const { profiles } = await lab.handlers.getProfiles({ runId: run.id, latest: false });
    expect(profiles.length).toBeGreaterThanOrEqual(4);
    expect(profiles[0]!.layers[0]!.hNorms).toHaveLength(8);
    const types = lab.events.filter((e) => eventRunId(e) === run.id).map((e) => e.type);
    expect(types[0]).toBe('run.queued');
    expect(types[1]).toBe('run.started');
    expect(types).toContain('run.steps');
    expect(types).toContain('run.profiles');
    expect(types.at(-1)).toBe('run.finished');
  });

  it('stops a running run, keeping what it trained', async () => {
    const lab = open();
    const run = await lab.handlers.startRun({ spec: spec({ steps: 100_000 }) });
    await until(() => lab.events.some((e) => e.type === 'run.steps' && e.runId === run.id), 'first steps');
    await lab.handlers.stopRun({ runId: run.id });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('stopped');
    expect(ended.stepsDone).toBeGreaterThan(0);
  });

  it('marks a run failed with the reason when its engine process is killed, keeps its data, and trains the next run', async () => {
    const db = tempDb();
    const lab = open(db);
    const run = await lab.handlers.startRun({ spec: spec({ steps: 100_000 }) });
    await until(
      () => lab.events.filter((e) => e.type === 'run.steps' && e.runId === run.id).length >= 2,
      'steps to be flushed',
    );
    lab.engines.at(-1)!.kill('SIGKILL');
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('failed');
    expect(ended.error).toContain('SIGKILL');
    expect(ended.stepsDone).toBeGreaterThan(0);
    const { series } = await lab.handlers.getSeries({ runId: run.id, metrics: ['loss'] });
    expect(series[0]!.step.length).toBe(ended.stepsDone);
    expect(integrity(db)).toBe('ok');
    const next = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(next.id)).status).toBe('completed');
  });

  it('reports a diverging run as diverged with its step and tensor, and carries on', async () => {
    const db = tempDb();
    const lab = open(db);
    const exploding = ExperimentSpecSchema.parse({
      name: 'irnn gain 2',
      task: { kind: 'adding', seqLen: 200 },
      model: { cell: 'rnn', hidden: 16, activation: 'relu', init: { recurrent: 'identity', gain: 2 } },
      train: { steps: 50, batch: 8 },
      probe: { every: 10, batch: 8 },
    });
    const run = await lab.handlers.startRun({ spec: exploding });
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('diverged');
    expect(ended.divergence).toMatchObject({ step: expect.any(Number), tensor: expect.any(String) });
    expect(lab.events.some((e) => e.type === 'run.diverged' && e.run.id === run.id)).toBe(true);
    const loss = (await lab.handlers.getSeries({ runId: run.id, metrics: ['loss'] })).series[0]!;
    expect(Number.isFinite(loss.value.at(-1)!)).toBe(false);
    const next = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(next.id)).status).toBe('completed');
    expect(integrity(db)).toBe('ok');
  });

  it('queues runs beyond the concurrency and runs a sweep grouped by spec hash across seeds', async () => {
    const lab = open();
    const { sweepId, runs } = await lab.handlers.startSweep({
      name: 'cells',
      base: spec(),
      grid: { 'model.cell': ['rnn', 'gru'], 'train.seed': [1, 2] },
    });
    expect(runs).toHaveLength(4);
    expect(runs.map((r) => r.name)).toContain('tiny cell=gru seed=2');
    const ended = await Promise.all(runs.map((r) => lab.whenEnded(r.id)));
    expect(ended.every((r) => r.status === 'completed')).toBe(true);
    const { groups } = await lab.handlers.sweepSummary({ sweepId, metric: 'loss' });
    expect(groups).toHaveLength(2);
    for (const g of groups) {
      expect(g.runIds).toHaveLength(2);
      expect(g.mean).toHaveLength(40);
    }
  });

  it('refuses a grid point that is not a valid spec, naming it, and stores nothing', async () => {
    const lab = open();
    await expect(
      lab.handlers.startSweep({ base: spec(), grid: { 'model.cell': ['rnn', 'transformer'] } }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect((await lab.handlers.listRuns({ limit: 10, offset: 0, sort: 'createdAt', order: 'desc' })).total).toBe(0);
  });

  it('exports runs to a bundle that imports into another lab', async () => {
    const a = open();
    const run = await a.handlers.startRun({ spec: spec() });
    await a.whenEnded(run.id);
    const bundle = await a.handlers.exportBundle({ runIds: [run.id] });
    const b = open();
    const { imported } = await b.handlers.importBundle({ bytes: bundle.bytes });
    expect(imported).toHaveLength(1);
    const [sa, sb] = await Promise.all([
      a.handlers.getSeries({ runId: run.id }),
      b.handlers.getSeries({ runId: imported[0]!.id }),
    ]);
    expect(sb.series).toEqual(sa.series);
  });
});
