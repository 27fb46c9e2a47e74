/**
 * A replication at its smallest on the cluster: a real redis-server, a real `gradlab worker`, a real Lab whose
 * runs are enqueued for that worker. Without a broker the cluster placement is refused, naming how to give one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabError, RunQuerySchema, type Replication } from '../../../core/api';
import { openTestLab, type TestLab } from '../lab/helpers';
import { startRedis, startWorker, stopWorker, type TestRedis, type TestWorker } from '../cluster/helpers';

let redis: TestRedis;
let worker: TestWorker;
const labs: TestLab[] = [];

beforeAll(async () => {
  redis = await startRedis();
  worker = startWorker(redis.url, 'rw1');
  await worker.ready;
}, 90_000);

afterAll(async () => {
  await Promise.all(labs.map((l) => l.close()));
  await stopWorker(worker);
  await redis?.stop();
}, 60_000);

describe('a replication on the cluster', () => {
  it('is refused with unavailable, naming --broker, when the lab has no broker', async () => {
    const lab = openTestLab();
    labs.push(lab);
    const shown = await lab.handlers.getReplication({ id: 'hochreiter-1997-adding' });
    expect(shown.cluster.available).toBe(false);
    expect(shown.cluster.reason.en).toContain('--broker');
    const refused = await lab.handlers
      .runReplication({ id: 'hochreiter-1997-adding', scale: 'smallest', placement: 'cluster' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LabError);
    expect((refused as LabError).code).toBe('unavailable');
    expect((refused as LabError).message).toMatch(/GRADLAB_BROKER/);
    // Nothing was started.
    const page = await lab.handlers.listRuns(RunQuerySchema.parse({ tag: ['replication:hochreiter-1997-adding'] }));
    expect(page.runs).toHaveLength(0);
  });

  it('enqueues its runs for the worker, waits for it, and is judged when the batch completes', async () => {
    const lab = openTestLab(undefined, { broker: redis.url });
    labs.push(lab);
    const id = 'arjovsky-2016-copy' as const;
    const updates: Replication[] = [];
    const ended = new Promise<Replication>((resolve) =>
      lab.subscribe((e) => {
        if (e.type !== 'replication.updated' || e.replication.id !== id) return;
        updates.push(e.replication);
        if (e.replication.state !== 'running') resolve(e.replication);
      }),
    );
    expect((await lab.handlers.getReplication({ id })).cluster.available).toBe(true);
    const started = await lab.handlers.runReplication({ id, scale: 'smallest', placement: 'cluster' });
    expect(started).toMatchObject({ state: 'running', placement: 'cluster' });
    const done = await ended;
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.result!.scale).toBe('smallest');
    expect(['reproduced', 'partly', 'not_reproduced']).toContain(done.result!.verdict);
    // Before its first run had a worker the replication said it was waiting for one; then it trained.
    expect(started.waiting || updates.some((u) => u.waiting)).toBe(true);
    expect(updates.some((u) => u.state === 'running' && !u.waiting)).toBe(true);
    expect(done.waiting).toBe(false);

    const page = await lab.handlers.listRuns(RunQuerySchema.parse({ tag: [`replication:${id}`] }));
    expect(page.runs.map((r) => r.id).sort()).toEqual([...done.result!.runIds].sort());
    for (const r of page.runs) {
      expect(r.status).toBe('completed');
      const detail = await lab.handlers.getRun({ runId: r.id });
      expect(detail.attempts?.map((a) => a.worker)).toEqual(['rw1']);
    }
  }, 240_000);
});
