/** A sweep on two real workers through a real redis-server: every run complete, every step stored once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { openTestLab, tinySpec, type TestLab } from '../lab/helpers';
import { startRedis, startWorker, stopWorker, type TestRedis, type TestWorker } from './helpers';

let redis: TestRedis;
let workers: TestWorker[] = [];
let lab: TestLab | null = null;

beforeAll(async () => {
  redis = await startRedis();
  workers = [startWorker(redis.url, 'w1'), startWorker(redis.url, 'w2')];
  await Promise.all(workers.map((w) => w.ready));
}, 90_000);

afterAll(async () => {
  await lab?.close();
  await Promise.all(workers.map((w) => stopWorker(w)));
  await redis?.stop();
}, 60_000);

describe('a sweep on the cluster', () => {
  it('trains on both workers and stores every step exactly once, with who trained it', async () => {
    lab = openTestLab(undefined, { broker: redis.url });
    const status = await lab.handlers.clusterStatus({});
    expect(status.configured).toBe(true);
    expect(status.workers.map((w) => w.name)).toEqual(['w1', 'w2']);
    expect(status.workers.every((w) => w.state === 'idle' && w.backend.length > 0)).toBe(true);

    const base = ExperimentSpecSchema.parse(tinySpec({ steps: 60 }));
    const { runs } = await lab.handlers.startSweep({ base, grid: { 'train.seed': [1, 2, 3, 4] }, placement: 'cluster' });
    const ended = await Promise.all(runs.map((r) => lab!.whenEnded(r.id)));
    expect(ended.map((r) => r.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const trainedBy = new Set<string>();
    for (const r of ended) {
      const loss = (await lab.handlers.getSeries({ runId: r.id, metrics: ['loss'] })).series[0]!;
      expect(loss.step).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      const detail = await lab.handlers.getRun({ runId: r.id });
      expect(detail.attempts).toHaveLength(1);
      expect(detail.attempts![0]).toMatchObject({ attempt: 1, host: expect.any(String), fromStep: 0 });
      expect(detail.backend).toBe(detail.attempts![0]!.backend);
      trainedBy.add(detail.attempts![0]!.worker);
      const profiles = await lab.handlers.getProfiles({ runId: r.id, latest: false });
      expect(profiles.profiles.map((p) => p.step)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    }
    expect(trainedBy).toEqual(new Set(['w1', 'w2']));
  }, 180_000);
});
