/**
 * `gradlab replicate ID --reduced --broker URL --json` as a user runs it: a real redis-server, a real
 * `gradlab worker`, the CLI's own lab enqueueing the runs; the JSON names runs the worker trained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startRedis, startWorker, stopWorker, type TestRedis, type TestWorker } from '../../core/cluster/helpers';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-replicate-cluster-'));
const db = join(dir, 'lab.db');
let redis: TestRedis;
let worker: TestWorker;

function gradlab(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['bin/gradlab.js', ...args], {
      env: { ...process.env, GRADLAB_DB: db, GRADLAB_BROKER: '', ...env },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  redis = await startRedis();
  worker = startWorker(redis.url, 'cli-w1');
  await worker.ready;
}, 90_000);

afterAll(async () => {
  await stopWorker(worker);
  await redis?.stop();
}, 60_000);

describe('gradlab replicate --broker', () => {
  it('runs the reduced form on the cluster and prints its verdict as JSON', async () => {
    const r = await gradlab(['replicate', 'hochreiter-1997-adding', '--reduced', '--broker', redis.url, '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { id: string; verdict: string; reduced: boolean; runIds: string[]; error: null };
    expect(j).toMatchObject({ id: 'hochreiter-1997-adding', reduced: true, error: null });
    expect(['reproduced', 'partly', 'not_reproduced']).toContain(j.verdict);
    expect(j.runIds.length).toBeGreaterThan(0);
    // Every run of the batch was trained by the worker, as the store records it.
    const sql = new Database(db, { readonly: true });
    try {
      for (const runId of j.runIds) {
        const rows = sql.prepare('SELECT worker FROM run_attempts WHERE run_id = ?').all(runId) as { worker: string }[];
        expect(rows.map((x) => x.worker)).toEqual(['cli-w1']);
      }
    } finally {
      sql.close();
    }
  }, 300_000);

  it('takes the broker from GRADLAB_BROKER too', async () => {
    const r = await gradlab(['replicate', 'arjovsky-2016-copy', '--smallest', '--json'], { GRADLAB_BROKER: redis.url });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { runIds: string[] };
    const sql = new Database(db, { readonly: true });
    try {
      const workers = j.runIds.map(
        (id) => (sql.prepare('SELECT worker FROM run_attempts WHERE run_id = ?').get(id) as { worker: string })?.worker,
      );
      expect(workers).toEqual(j.runIds.map(() => 'cli-w1'));
    } finally {
      sql.close();
    }
  }, 120_000);
});
