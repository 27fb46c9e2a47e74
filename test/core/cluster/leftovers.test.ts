/**
 * What a cluster run must not leave behind: a CSV too big to travel in a job is refused before anything is
 * stored, and a lab SIGKILLed between storing a run's end and deleting its job's Redis keys has those keys
 * cleared by the next lab opened on the same file.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ExperimentSpecSchema, type ExperimentSpec } from '../../../core/api';
import { MAX_CSV_BYTES, keys } from '../../../core/cluster/protocol';
import { LabStore } from '../../../core/store';
import { tempDb, tinySpec } from '../lab/helpers';
import { useCluster } from './cluster-fixture';
import { waitFor } from './helpers';

const cluster = useCluster();
let client: Redis;

beforeAll(() => {
  client = new Redis({ port: cluster.redis.port, host: '127.0.0.1', password: cluster.redis.password });
});
afterAll(() => client?.disconnect());

describe('cluster leftovers', () => {
  it('a CSV over the 64 MiB job limit is refused with the limit named, and nothing is stored or queued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradlab-bigcsv-'));
    const path = join(dir, 'big.csv');
    try {
      // A sparse file one byte over the limit: its size is what is checked, before a byte of it is read.
      const fd = openSync(path, 'w');
      ftruncateSync(fd, MAX_CSV_BYTES + 1);
      closeSync(fd);
      const lab = cluster.openLab();
      const spec = ExperimentSpecSchema.parse({ ...tinySpec({ steps: 20 }), task: { kind: 'csv', path } });
      const limit =
        /task\.path: the CSV task file .*big\.csv is 67,108,865 bytes; .* at most 64 MiB \(67,108,864 bytes\)/;
      await expect(lab.handlers.startRun({ spec, placement: 'cluster' })).rejects.toThrow(limit);
      await expect(
        lab.handlers.startSweep({ base: spec as ExperimentSpec, grid: { 'train.seed': [1, 2] }, placement: 'cluster' }),
      ).rejects.toThrow(limit);
      expect((await lab.handlers.listRuns({ sort: 'createdAt', order: 'desc', limit: 100, offset: 0 })).runs).toEqual(
        [],
      );
      expect(lab.events).toEqual([]);
      expect((await lab.handlers.clusterStatus({})).queue).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      expect(await client.keys('gradlab:job:*')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a lab SIGKILLed between storing a run's end and deleting its keys: the next lab clears them", async () => {
    await cluster.startWorkers('k');
    const db = tempDb();
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 60, checkpointEvery: 20 }));
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/hosts/cluster-host.ts', db, cluster.redis.url, JSON.stringify(spec), '1'],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GRADLAB_TEST_CRASH: 'before-job-cleanup' } },
    );
    let out = '';
    host.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => host.once('exit', (_code, signal) => res(signal)));
    // The hook kills the host with a real SIGKILL right after the run's end is stored.
    expect(await exited).toBe('SIGKILL');
    const runId = /runs (\S+)/.exec(out)![1]!;
    const peek = LabStore.open(db);
    expect(peek.getRun(runId).status).toBe('completed');
    expect(peek.getRun(runId).stepsDone).toBe(60);
    const jobId = peek.lastClusterJob(runId)!;
    expect(peek.unclearedClusterJobs()).toEqual([jobId]);
    peek.close();
    // What the dead lab left: the job's stream and its last checkpoint.
    expect(await client.exists(keys.stream(jobId), keys.checkpoint(jobId))).toBe(2);

    const lab = cluster.openLab(db, { staleMs: 0 });
    await waitFor(async () => (await client.exists(keys.stream(jobId))) === 0, 'the new lab to clear the keys');
    expect(await client.exists(keys.stream(jobId), keys.checkpoint(jobId), keys.stop(jobId))).toBe(0);
    expect(await client.keys('gradlab:job:*')).toEqual([]);
    // The run is as it was stored, and no lab clears the same keys again.
    expect((await lab.handlers.getRun({ runId })).status).toBe('completed');
    const again = LabStore.open(db);
    expect(again.unclearedClusterJobs()).toEqual([]);
    again.close();
  }, 120_000);
});
