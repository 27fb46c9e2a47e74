/** `gradlab cluster status` and the window's Cluster panel: the workers' adverts and the queue's depth. */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ClusterWorkerSchema, type ClusterStatus, type ClusterWorker } from '../api';
import { keys } from './protocol';

const MAX_WORKERS = 10_000;

export async function listWorkers(redis: Redis): Promise<ClusterWorker[]> {
  const names: string[] = [];
  let cursor = '0';
  // SCAN pages through the adverts; bounded by the number of workers any cluster could have.
  for (let i = 0; i < 1000 && names.length < MAX_WORKERS; i++) {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.workerPattern, 'COUNT', 500);
    names.push(...found);
    cursor = next;
    if (cursor === '0') break;
  }
  if (!names.length) return [];
  const values = await redis.mget(...names);
  const workers: ClusterWorker[] = [];
  for (const v of values) {
    if (!v) continue;
    try {
      const parsed = ClusterWorkerSchema.safeParse(JSON.parse(v));
      if (parsed.success) workers.push(parsed.data);
    } catch {
      // an advert that is not JSON is no worker of ours
    }
  }
  return workers.sort((a, b) => a.name.localeCompare(b.name));
}

export async function clusterStatus(redis: Redis, queue: Queue, broker: string): Promise<ClusterStatus> {
  const [workers, counts] = await Promise.all([
    listWorkers(redis),
    queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
  ]);
  return {
    configured: true,
    broker,
    workers,
    queue: {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    },
  };
}
