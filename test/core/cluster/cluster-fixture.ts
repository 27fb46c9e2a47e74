/**
 * One cluster per test file: a real redis-server for the file, real workers and labs for a test (or the
 * file), all torn down by the hooks this registers, even when a test fails half way.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LabOptions } from '../../../core/lab/lab';
import { openTestLab, type TestLab } from '../lab/helpers';
import { startRedis, startWorker, stopWorker, WORKER_READY_MS, type TestRedis, type TestWorker } from './helpers';

export interface Cluster {
  readonly redis: TestRedis;
  /** Starts `gradlab worker`s on the broker and waits until every one is ready; killed after the test. */
  startWorkers(...names: string[]): Promise<TestWorker[]>;
  /** A started worker by name (file-level ones included). */
  worker(name: string): TestWorker;
  /** A lab on the broker (a fresh database unless one is given), closed after the test. */
  openLab(databasePath?: string, options?: Partial<LabOptions>): TestLab;
}

/** `workers` are started once for the whole file, after Redis, and stopped with SIGTERM at its end. */
export function useCluster(o: { workers?: string[] } = {}): Cluster {
  let redis: TestRedis | null = null;
  const fileWorkers: TestWorker[] = [];
  let testWorkers: TestWorker[] = [];
  let labs: TestLab[] = [];
  const start = async (names: string[], into: TestWorker[]) => {
    const started = names.map((n) => startWorker(cluster.redis.url, n));
    into.push(...started);
    await Promise.all(started.map((w) => w.ready));
    return started;
  };
  const cluster: Cluster = {
    get redis() {
      if (!redis) throw new Error('useCluster: Redis is not started yet (use it inside a test or hook)');
      return redis;
    },
    startWorkers: (...names) => start(names, testWorkers),
    worker(name) {
      const w = [...testWorkers, ...fileWorkers].find((x) => x.name === name);
      if (!w) throw new Error(`useCluster: no worker named ${name}`);
      return w;
    },
    openLab(databasePath, options = {}) {
      const lab = openTestLab(databasePath, { broker: cluster.redis.url, ...options });
      labs.push(lab);
      return lab;
    },
  };

  beforeAll(async () => {
    redis = await startRedis();
    if (o.workers?.length) await start(o.workers, fileWorkers);
  }, WORKER_READY_MS + 30_000);
  afterEach(async () => {
    const closing = labs;
    labs = [];
    await Promise.all(closing.map((l) => l.close()));
    const killing = testWorkers;
    testWorkers = [];
    await Promise.all(killing.map((w) => stopWorker(w, 'SIGKILL')));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(fileWorkers.map((w) => stopWorker(w)));
    await redis?.stop();
  }, 60_000);
  return cluster;
}
