/**
 * Faults with a real redis-server, real workers and real engines: a worker SIGKILLed or SIGTERMed mid-run,
 * the lab SIGKILLed while workers train, Redis restarted mid-sweep. Every step is stored exactly once.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { ExperimentSpecSchema, type ExperimentSpec } from '../../../core/api';
import { parseBrokerUrl } from '../../../core/cluster/broker';
import { PREFIX, QUEUE } from '../../../core/cluster/protocol';
import { LabStore } from '../../../core/store';
import { tempDb, tinySpec, until, type TestLab } from '../lab/helpers';
import { useCluster } from './cluster-fixture';
import { waitFor } from './helpers';

const cluster = useCluster();

const steps = (n: number, from = 1) => Array.from({ length: n - from + 1 }, (_, i) => i + from);
const lossOf = async (l: TestLab, runId: string) =>
  (await l.handlers.getSeries({ runId, metrics: ['loss'] })).series[0]!;

const twoWorkers = () => cluster.startWorkers('a', 'b');

/** Waits for a run on the cluster to have a checkpoint and steps after it, and says which worker trains it. */
async function midRun(l: TestLab, runId: string, atLeast: number): Promise<string> {
  return waitFor(async () => {
    const r = await l.handlers.getRun({ runId });
    const past = r.lastCheckpointStep !== null && r.lastCheckpointStep >= atLeast && r.stepsDone > r.lastCheckpointStep;
    return past && r.attempts?.length ? r.attempts.at(-1)!.worker : null;
  }, `run ${runId} to reach a checkpoint at ${atLeast} with steps after it`);
}

describe('cluster faults', () => {
  it('a worker SIGKILLed mid-run: another resumes from the last checkpoint and the loss equals an uninterrupted run', async () => {
    await twoWorkers();
    const lab = cluster.openLab();
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 1000, checkpointEvery: 200 }));
    const run = await lab.handlers.startRun({ spec, placement: 'cluster' });
    const victim = await midRun(lab, run.id, 200);
    const before = await lab.handlers.getRun({ runId: run.id });
    cluster.worker(victim).process.kill('SIGKILL');
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    const detail = await lab.handlers.getRun({ runId: run.id });
    expect(detail.attempts!.map((a) => a.worker)).toEqual([victim, victim === 'a' ? 'b' : 'a']);
    expect(detail.attempts![1]!.fromStep).toBeGreaterThanOrEqual(before.lastCheckpointStep!);
    const loss = await lossOf(lab, run.id);
    expect(loss.step).toEqual(steps(1000));
    // The same spec on this machine, never interrupted: the same numbers (one backend everywhere here).
    const local = await lab.handlers.startRun({ spec, placement: 'local' });
    await lab.whenEnded(local.id);
    expect(loss.value).toEqual((await lossOf(lab, local.id)).value);
  }, 240_000);

  it('a worker SIGTERMed mid-run hands its run back; another finishes it', async () => {
    await twoWorkers();
    const lab = cluster.openLab();
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 1000, checkpointEvery: 200 }));
    const run = await lab.handlers.startRun({ spec, placement: 'cluster' });
    const victim = await midRun(lab, run.id, 200);
    const w = cluster.worker(victim);
    w.process.kill('SIGTERM');
    expect(await w.exit).toBe(0);
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    const detail = await lab.handlers.getRun({ runId: run.id });
    expect(detail.attempts!.map((a) => a.worker)).toEqual([victim, victim === 'a' ? 'b' : 'a']);
    expect((await lossOf(lab, run.id)).step).toEqual(steps(1000));
  }, 240_000);

  it('the lab SIGKILLed while workers train: they go on, and the lab restarted on the same file drains what waited', async () => {
    await twoWorkers();
    const db = tempDb();
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 800, checkpointEvery: 200 }));
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/hosts/cluster-host.ts', db, cluster.redis.url, JSON.stringify(spec), '2'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    host.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => /runs (\S+)/.test(out), 'the host to start its sweep', 60_000);
    const runIds = /runs (\S+)/.exec(out)![1]!.split(',');
    const peek = LabStore.open(db);
    await until(() => runIds.every((id) => peek.getRun(id).stepsDone > 0), 'both runs to store steps', 120_000);
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    const stored = runIds.map((id) => peek.getRun(id).stepsDone);
    peek.close();
    // The workers finish without the lab: their jobs leave the queue while nobody reads the streams.
    const queue = new Queue(QUEUE, { connection: parseBrokerUrl(cluster.redis.url).options, prefix: PREFIX });
    const open = async () =>
      Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'paused')).reduce((a, b) => a + b, 0);
    await waitFor(async () => (await open()) === 0, 'the workers to finish their jobs without the lab');
    await queue.close();

    const lab = cluster.openLab(db, { staleMs: 0 });
    expect(lab.interruptedAtStart).toEqual([]);
    for (const [i, id] of runIds.entries()) {
      const ended = await lab.whenEnded(id);
      expect(ended.status).toBe('completed');
      expect(ended.final.steps).toBe(800);
      expect((await lossOf(lab, id)).step).toEqual(steps(800));
      expect(stored[i]).toBeLessThan(800);
    }
  }, 240_000);

  it('Redis restarted mid-sweep (append-only file): every run completes with every step once', async () => {
    await twoWorkers();
    const lab = cluster.openLab();
    const base = ExperimentSpecSchema.parse(tinySpec({ steps: 800, checkpointEvery: 200 })) as ExperimentSpec;
    const { runs } = await lab.handlers.startSweep({ base, grid: { 'train.seed': [1, 2, 3] }, placement: 'cluster' });
    await until(() => lab.events.some((e) => e.type === 'run.steps'), 'steps from the cluster', 120_000);
    await cluster.redis.restart();
    const ended = await Promise.all(runs.map((r) => lab.whenEnded(r.id)));
    expect(ended.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    for (const r of runs) expect((await lossOf(lab, r.id)).step).toEqual(steps(800));
  }, 240_000);
});
