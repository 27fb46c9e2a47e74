/** A sweep on two real workers through a real redis-server: every run complete, every step stored once. */
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { tinySpec } from '../lab/helpers';
import { useCluster } from './cluster-fixture';
import { waitFor } from './helpers';

const cluster = useCluster({ workers: ['w1', 'w2'] });

describe('a sweep on the cluster', () => {
  it('trains on both workers and stores every step exactly once, with who trained it', async () => {
    const lab = cluster.openLab();
    const status = await lab.handlers.clusterStatus({});
    expect(status.configured).toBe(true);
    expect(status.workers.map((w) => w.name)).toEqual(['w1', 'w2']);
    expect(status.workers.every((w) => w.state === 'idle' && w.backend.length > 0)).toBe(true);

    const base = ExperimentSpecSchema.parse(tinySpec({ steps: 60 }));
    const { runs } = await lab.handlers.startSweep({
      base,
      grid: { 'train.seed': [1, 2, 3, 4] },
      placement: 'cluster',
    });
    const ended = await Promise.all(runs.map((r) => lab.whenEnded(r.id)));
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

  it('Stop ends a run on its worker within 2 s, and stopping a sweep’s waiting runs cancels them', async () => {
    const lab = cluster.openLab();
    const base = ExperimentSpecSchema.parse(tinySpec({ steps: 100_000, checkpointEvery: 1000 }));
    // Two workers, one run each at a time: the third and fourth runs wait in the queue.
    const { runs } = await lab.handlers.startSweep({
      base,
      grid: { 'train.seed': [1, 2, 3, 4] },
      placement: 'cluster',
    });
    const training = async () =>
      (await Promise.all(runs.map((r) => lab.handlers.getRun({ runId: r.id })))).filter((r) => r.stepsDone > 0);
    const [a] = await waitFor(async () => {
      const t = await training();
      return t.length >= 2 ? t : null;
    }, 'two runs training, one on each worker');
    const t0 = Date.now();
    await lab.handlers.stopRun({ runId: a!.id });
    const stopped = await lab.whenEnded(a!.id);
    const took = Date.now() - t0;
    expect(stopped.status).toBe('stopped');
    expect(took).toBeLessThan(2000);
    console.log(`stop on the worker took ${took} ms`);
    // Cancel the rest: the training one stops, the waiting ones leave the queue without training.
    for (const r of runs) if (r.id !== a!.id) await lab.handlers.stopRun({ runId: r.id });
    const rest = await Promise.all(runs.map((r) => lab.whenEnded(r.id)));
    expect(
      rest.map((r) => r.status),
      rest.map((r) => r.error).join(' | '),
    ).toEqual(['stopped', 'stopped', 'stopped', 'stopped']);
    const status = await lab.handlers.clusterStatus({});
    expect(status.queue.waiting + status.queue.active).toBe(0);
  }, 180_000);
});
