/**
 * Runs in a Lab share warm engine processes: the next run trains in the engine the last one ended in, unless
 * that engine died or its run failed; closing the lab leaves no engine behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { alive, openTestLab, tinySpec, until, type TestLab } from './helpers';

let lab: TestLab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

const spec = (over: Parameters<typeof tinySpec>[0] = {}) => ExperimentSpecSchema.parse(tinySpec(over));
describe('engine reuse in the Lab', () => {
  it('trains the next run in the engine the last one completed, stopped or diverged in, with the same numbers', async () => {
    lab = openTestLab(undefined, { concurrency: 1 });
    const a = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(a.id)).status).toBe('completed');
    const long = await lab.handlers.startRun({ spec: spec({ steps: 100_000 }) });
    await until(() => lab!.events.some((e) => e.type === 'run.steps' && e.runId === long.id), 'the long run to train');
    await lab.handlers.stopRun({ runId: long.id });
    expect((await lab.whenEnded(long.id)).status).toBe('stopped');
    const exploding = ExperimentSpecSchema.parse({
      task: { kind: 'adding', seqLen: 200 },
      model: { cell: 'rnn', hidden: 16, activation: 'relu', init: { recurrent: 'identity', gain: 2 } },
      train: { steps: 50, batch: 8 },
      probe: { every: 10, batch: 8 },
    });
    const d = await lab.handlers.startRun({ spec: exploding });
    expect((await lab.whenEnded(d.id)).status).toBe('diverged');
    const b = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(b.id)).status).toBe('completed');

    expect(lab.engines).toHaveLength(1);
    // A reused engine starts each run afresh: the same spec gives the same numbers.
    const loss = async (runId: string) =>
      (await lab!.handlers.getSeries({ runId, metrics: ['loss'] })).series[0]!.value;
    expect(await loss(b.id)).toEqual(await loss(a.id));
  });

  it('starts a new engine after one was killed mid-run', async () => {
    lab = openTestLab(undefined, { concurrency: 1 });
    const a = await lab.handlers.startRun({ spec: spec({ steps: 100_000 }) });
    await until(() => lab!.events.some((e) => e.type === 'run.steps' && e.runId === a.id), 'the run to train');
    const killed = lab.engines[0]!;
    killed.kill('SIGKILL');
    const failed = await lab.whenEnded(a.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('SIGKILL');
    const b = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(b.id)).status).toBe('completed');
    expect(lab.engines).toHaveLength(2);
    expect(lab.engines[1]!.pid).not.toBe(killed.pid);
  });

  it('does not reuse the engine of a failed run, and the next run is not affected', async () => {
    lab = openTestLab(undefined, { concurrency: 1 });
    const warm = await lab.handlers.startRun({ spec: spec() });
    await lab.whenEnded(warm.id);
    const broken = await lab.handlers.startRun({
      spec: { ...spec(), task: { kind: 'csv', path: '/nonexistent/gradlab-test.csv' } },
    });
    const failed = await lab.whenEnded(broken.id);
    expect(failed.status).toBe('failed');
    await until(() => !alive(lab!.engines[0]!.pid!), 'the failed run’s engine to be shut down');
    const next = await lab.handlers.startRun({ spec: spec() });
    expect((await lab.whenEnded(next.id)).status).toBe('completed');
    expect(lab.engines).toHaveLength(2);
  });

  it('keeps as many warm engines as the concurrency and shuts them all down on close', async () => {
    lab = openTestLab(undefined, { concurrency: 2 });
    const runs = await Promise.all([1, 2, 3, 4].map((seed) => lab!.handlers.startRun({ spec: spec({ seed }) })));
    const ended = await Promise.all(runs.map((r) => lab!.whenEnded(r.id)));
    expect(ended.every((r) => r.status === 'completed')).toBe(true);
    expect(lab.engines).toHaveLength(2);
    const pids = lab.engines.map((e) => e.pid!);
    expect(pids.every(alive)).toBe(true);
    await lab.close();
    lab = null;
    expect(pids.filter(alive)).toEqual([]);
  });
});
