/**
 * Nothing in the cluster depends on one host: redis-server, the lab (`gradlab train --broker`) and each
 * `gradlab worker` run in their own network namespace, joined by a bridge and addressed by their own IPs
 * (so the broker URL needs its password). A worker's cable is then pulled mid-run: another worker resumes
 * from the checkpoint, every step is stored once, and the cut worker, back on the network, is fenced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunQuerySchema } from '../../../core/api';
import { LabStore } from '../../../core/store';
import { tempDb, tinySpec } from '../lab/helpers';
import { startRedis, startWorker, stopWorker, waitFor, type TestRedis, type TestWorker } from './helpers';
import { createNetnsLab, netnsUnavailable, type NetnsLab } from './netns';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`netns.test.ts skipped: ${unavailable}`);

let net: NetnsLab | null = null;
let redis: TestRedis | null = null;
const workers: TestWorker[] = [];
const labs: ChildProcess[] = [];

beforeAll(async () => {
  if (unavailable) return;
  net = createNetnsLab(['redis', 'lab', 'w1', 'w2']);
  redis = await startRedis({ bind: net.spaces.redis!.address, wrap: net.spaces.redis!.exec });
}, 60_000);

afterAll(async () => {
  // Each step on its own so a failure in one still leaves no namespace, bridge or process behind.
  for (const l of labs) if (l.exitCode === null && l.signalCode === null) l.kill('SIGKILL');
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL').catch(() => undefined)));
  await redis?.stop().catch(() => undefined);
  net?.destroy();
}, 60_000);

/** The lab as a user runs it in its namespace: `gradlab train spec.json --broker URL --db FILE --json`. */
function trainOnCluster(db: string, spec: object): { exit: Promise<number | null>; log: () => string } {
  const file = join(mkdtempSync(join(tmpdir(), 'gradlab-netns-')), 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  const argv = [process.execPath, 'bin/gradlab.js', 'train', file, '--broker', redis!.url, '--db', db, '--json'];
  const [cmd, ...rest] = [...net!.spaces.lab!.exec, ...argv];
  const p = spawn(cmd!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  labs.push(p);
  let out = '';
  p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { exit: new Promise((res) => p.once('exit', (code) => res(code))), log: () => out };
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.skipIf(unavailable !== null)('a cluster across network namespaces', () => {
  it('trains a run with every step once, then survives a worker cut off mid-run, which is fenced when back', async () => {
    const w1 = startWorker(redis!.url, 'w1', {}, [], net!.spaces.w1!.exec);
    workers.push(w1);
    await w1.ready;
    expect(redis!.url).toMatch(/^redis:\/\/:[^@]+@10\.213\.\d+\.10:6379$/);
    const db = tempDb();

    const first = trainOnCluster(db, tinySpec({ steps: 300, checkpointEvery: 100 }));
    expect(await first.exit, first.log()).toBe(0);
    const store = LabStore.open(db);
    try {
      const [done] = store.listRuns(RunQuerySchema.parse({})).runs;
      expect(done!.status).toBe('completed');
      expect(store.getSeries(done!.id, { metrics: ['loss'] })[0]!.step).toEqual(steps(300));
      expect(store.listAttempts(done!.id).map((a) => a.worker)).toEqual(['w1']);

      const second = trainOnCluster(db, tinySpec({ steps: 2000, checkpointEvery: 200, seed: 2 }));
      // Mid-run on w1: a checkpoint stored and steps after it, which the cut takes away from this attempt.
      const run = await waitFor(() => {
        const r = store.listRuns(RunQuerySchema.parse({})).runs.find((x) => x.id !== done!.id);
        if (!r) return null;
        const d = store.getRun(r.id);
        return d.lastCheckpointStep !== null && d.lastCheckpointStep >= 200 && d.stepsDone > d.lastCheckpointStep
          ? d
          : null;
      }, 'the second run to pass a checkpoint on w1');
      net!.cut(net!.spaces.w1!);
      const w2 = startWorker(redis!.url, 'w2', {}, [], net!.spaces.w2!.exec);
      workers.push(w2);
      await w2.ready;
      // w2 has taken the run once the lab recorded its attempt; only then does w1 get its cable back.
      await waitFor(() => store.listAttempts(run.id).some((a) => a.worker === 'w2'), 'w2 to take the run over');
      net!.restore(net!.spaces.w1!);

      expect(await second.exit, second.log()).toBe(0);
      // Back on the network, w1's queued writes reach Redis and are refused: its attempt is no longer the run's.
      await waitFor(() => w1.log().includes(`run ${run.id}: taken over by another worker`), 'w1 to be fenced');
      const ended = store.getRun(run.id);
      expect(ended.status).toBe('completed');
      const attempts = store.listAttempts(run.id);
      expect(attempts.map((a) => a.worker)).toEqual(['w1', 'w2']);
      expect(attempts[1]!.fromStep).toBeGreaterThanOrEqual(run.lastCheckpointStep!);
      expect(store.getSeries(run.id, { metrics: ['loss'] })[0]!.step).toEqual(steps(2000));
    } finally {
      store.close();
    }
  }, 900_000);
});
