/**
 * Every replication at its smallest through a real Lab (real engine processes, a temporary database): runs
 * tagged `replication:ID`, a verdict with numbers from the latest complete batch, figures that export, and
 * the result read back from the store by a second lab on the same file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { REPLICATION_IDS, RunQuerySchema, type Replication, type ReplicationId } from '../../../core/api';
import { copyBaseline } from '../../../core/tasks/copy';
import { REPLICATIONS } from '../../../core/replications/registry';
import { plannedRunCount } from '../../../core/replications/runner';
import { openTestLab, tempDb, type TestLab } from '../lab/helpers';

async function runToEnd(lab: TestLab, id: ReplicationId, timeoutMs = 90_000): Promise<Replication> {
  let off: () => void = () => undefined;
  const ended = new Promise<Replication>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`replication ${id} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    off = lab.subscribe((e) => {
      if (e.type === 'replication.updated' && e.replication.id === id && e.replication.state !== 'running') {
        clearTimeout(timer);
        resolve(e.replication);
      }
    });
  });
  try {
    const started = await lab.handlers.runReplication({ id, scale: 'smallest' });
    expect(started.state).toBe('running');
    expect(started.progress?.total).toBeGreaterThan(0);
    return await ended;
  } finally {
    off();
  }
}

describe('replication records', () => {
  it('cover the five papers, each with a claim, published figures with their place, and a plan per scale', () => {
    expect(REPLICATIONS.map((r) => r.id).sort()).toEqual([...REPLICATION_IDS].sort());
    for (const r of REPLICATIONS) {
      expect(r.claim.en.length).toBeGreaterThan(40);
      expect(r.published.length).toBeGreaterThan(0);
      for (const p of r.published) {
        expect(p.source.length).toBeGreaterThan(20);
        // A figure not read in the paper carries no number.
        if (p.provenance === 'not-found') expect(p.value).toBeNull();
      }
      expect(r.differences.length).toBeGreaterThan(0);
      for (const scale of ['full', 'reduced', 'smallest'] as const)
        expect(plannedRunCount(r.items(scale))).toBeGreaterThan(0);
      // The full form is the larger one.
      expect(plannedRunCount(r.items('full'))).toBeGreaterThanOrEqual(plannedRunCount(r.items('reduced')));
    }
  });

  it('compute the copy baseline rather than type it in: 10·ln 8 / 120 at T = 100', () => {
    const arjovsky = REPLICATIONS.find((r) => r.id === 'arjovsky-2016-copy')!;
    expect(arjovsky.published[0]!.value).toBeCloseTo((10 * Math.log(8)) / 120, 12);
    expect(copyBaseline(100, 8, 10)).toBeCloseTo(0.17328679513998632, 12);
  });
});

describe('replications through a real lab, at their smallest', () => {
  const db = tempDb();
  const lab = openTestLab(db, { concurrency: 2 });
  afterAll(() => lab.close());

  it('list all five as new, with the cluster button explained', async () => {
    const { replications } = await lab.handlers.listReplications({});
    expect(replications.map((r) => r.id)).toEqual([...REPLICATION_IDS]);
    for (const r of replications) {
      expect(r.state).toBe('new');
      expect(r.cluster.available).toBe(false);
      expect(r.cluster.reason.en).toMatch(/cluster/);
      expect(r.cluster.reason['zh-CN']).toMatch(/集群/);
    }
  });

  const results = new Map<ReplicationId, Replication>();
  it.each([...REPLICATION_IDS])('runs %s as tagged runs and judges the batch', async (id) => {
    const r = await runToEnd(lab, id);
    expect(r.error).toBeNull();
    expect(r.state).toBe('done');
    const res = r.result!;
    expect(['reproduced', 'partly', 'not_reproduced']).toContain(res.verdict);
    expect(res.scale).toBe('smallest');
    expect(res.headline.en).toMatch(/\d/);
    expect(res.measured.length).toBeGreaterThan(0);
    const { runs } = await lab.handlers.listRuns(RunQuerySchema.parse({ tag: [`replication:${id}`] }));
    expect(runs.map((x) => x.id).sort()).toEqual([...res.runIds].sort());
    for (const f of res.figures) {
      const file = await lab.handlers.exportFigure({
        runIds: f.runIds,
        chart: f.chart,
        format: 'svg',
        settings: f.settings,
      });
      expect(Buffer.from(file.bytes).toString('utf8')).toMatch(/^(<\?xml|<svg)/);
    }
    results.set(id, r);
  });

  it('reads every result back from the store in a new lab, without training', async () => {
    const again = openTestLab(db);
    try {
      const { replications } = await again.handlers.listReplications({});
      for (const r of replications) {
        expect(r.state).toBe('done');
        expect(r.result?.verdict).toBe(results.get(r.id)?.result?.verdict);
        expect(r.result?.runIds).toEqual(results.get(r.id)?.result?.runIds);
      }
    } finally {
      await again.close();
    }
  });

  it('refuses an unknown id naming the field, and a second start while one runs', async () => {
    await expect(lab.handlers.getReplication({ id: 'nope' as ReplicationId })).rejects.toMatchObject({
      code: 'not_found',
    });
    const first = lab.handlers.runReplication({ id: 'arjovsky-2016-copy', scale: 'smallest' });
    await expect(lab.handlers.runReplication({ id: 'arjovsky-2016-copy', scale: 'smallest' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await first;
    await runToEnd(lab, 'bengio-1994-latch');
  });
});
