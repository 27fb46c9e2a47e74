/**
 * The cluster from the command line, as a user runs it: broker mistakes cost one line (exit 2 for a wrong
 * URL, 1 for a broker that will not let us in), a worker without a backend is reported, `gradlab sweep
 * --broker` stores what the workers send, and a CSV task's data travels in the job, not its path.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { ExperimentSpecSchema } from '../../../core/api';
import { parseBrokerUrl } from '../../../core/cluster/broker';
import { PREFIX, QUEUE } from '../../../core/cluster/protocol';
import { tinySpec } from '../../core/lab/helpers';
import { useCluster } from '../../core/cluster/cluster-fixture';
import { freePort, stopWorker, waitFor } from '../../core/cluster/helpers';

const env = { ...process.env, GRADLAB_BROKER: '' };
const gradlab = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], { encoding: 'utf8', env: { ...env, ...extra } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const gradlabAsync = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const p = spawn(process.execPath, ['bin/gradlab.js', ...args], { env: { ...env, ...extra } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

const cluster = useCluster();

describe('gradlab worker and cluster: broker mistakes', () => {
  it('refuses a remote broker without a password, a non-redis URL and a missing broker (exit 2, one line)', () => {
    for (const [args, message] of [
      [['worker', '--broker', 'redis://10.9.8.7:6379'], 'needs a password'],
      [['worker', '--broker', 'http://127.0.0.1:6379'], 'must start with redis:// or rediss://'],
      [['worker'], 'give the broker with --broker'],
      [['cluster', 'status', '--broker', 'redis://db.example:6379'], 'needs a password'],
    ] as const) {
      const r = gradlab([...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(message);
      noStack(r.err);
    }
  });

  it('says in one line when the password is wrong or the broker is not there (exit 1)', async () => {
    const wrong = gradlab(['cluster', 'status', '--broker', `redis://:nope@127.0.0.1:${cluster.redis.port}`]);
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(
      `gradlab: the broker redis://:***@127.0.0.1:${cluster.redis.port} refused the password (wrong password in the broker URL)`,
    );
    const gone = gradlab(['cluster', 'status', '--broker', `redis://:pw@127.0.0.1:${await freePort()}`]);
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/^gradlab: cannot reach the broker redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: /);
    expect(gone.err.trim().split('\n')).toHaveLength(1);
  });

  it('a worker that cannot load any backend is reported by cluster status, not retried', async () => {
    const r = await gradlabAsync(['worker', '--broker', cluster.redis.url, '--name', 'nobackend'], {
      GRADLAB_BACKEND: 'bogus',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('worker nobackend cannot train');
    noStack(r.err);
    const s = gradlab(['cluster', 'status', '--broker', cluster.redis.url, '--json']);
    expect(s.code).toBe(0);
    const status = JSON.parse(s.out);
    expect(status.workers).toEqual([
      expect.objectContaining({
        name: 'nobackend',
        state: 'broken',
        error: expect.stringContaining('GRADLAB_BACKEND'),
      }),
    ]);
  }, 120_000);
});

describe('runs on the cluster from the CLI', () => {
  it('gradlab sweep --broker stores every run, and runs show --json names the worker and backend', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-cluster-'));
    const db = join(dir, 'lab.db');
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(tinySpec({ steps: 30 })));
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({ 'train.seed': [1, 2] }));
    const [w] = await cluster.startWorkers('cli-w');
    try {
      const status = gradlab(['cluster', 'status', '--broker', cluster.redis.url]);
      expect(status.out).toMatch(/cli-w on .+: \w+ \(.+\), idle, 0\/1 run\(s\)/);
      const r = await gradlabAsync(
        ['sweep', join(dir, 'spec.json'), '--grid', join(dir, 'grid.json'), '--db', db, '--json'],
        { GRADLAB_BROKER: cluster.redis.url },
      );
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out.split('\n')[1]!)).toEqual([
        expect.objectContaining({ runIds: expect.arrayContaining([expect.any(String), expect.any(String)]) }),
      ]);
      const list = JSON.parse(gradlab(['runs', 'list', '--db', db, '--json']).out) as { runs: { id: string }[] };
      for (const { id } of list.runs) {
        const shown = JSON.parse(gradlab(['runs', 'show', id, '--db', db, '--json']).out);
        expect(shown.run.status).toBe('completed');
        expect(shown.run.attempts).toEqual([
          expect.objectContaining({ worker: 'cli-w', backend: shown.run.backend, fromStep: 0 }),
        ]);
      }
    } finally {
      await stopWorker(w!);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a CSV task trains on a worker that cannot see its file: the data travels in the job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradlab-csv-'));
    const csv = join(dir, 'regression.csv');
    copyFileSync('test/fixtures/csv/regression.csv', csv);
    const lab = cluster.openLab();
    const queue = new Queue(QUEUE, { connection: parseBrokerUrl(cluster.redis.url).options, prefix: PREFIX });
    try {
      const spec = ExperimentSpecSchema.parse({ ...tinySpec({ steps: 20 }), task: { kind: 'csv', path: csv } });
      const run = await lab.handlers.startRun({ spec, placement: 'cluster' });
      await waitFor(
        async () => (await queue.getJobs(['waiting'])).some((j) => j.data.runId === run.id),
        'the run waiting in the queue',
      );
      // The file is gone before any worker exists: only what the lab put in the job can train the run.
      rmSync(dir, { recursive: true, force: true });
      const [w] = await cluster.startWorkers('csv-w');
      const ended = await lab.whenEnded(run.id);
      await stopWorker(w!);
      expect(ended.status, ended.error ?? '').toBe('completed');
      expect(ended.stepsDone).toBe(20);
    } finally {
      await queue.close();
    }
  }, 180_000);
});
