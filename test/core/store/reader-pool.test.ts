import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, LabError } from '../../../core/api';
import type { RunQueryParsed } from '../../../core/store';
import { CACHE_MIN_POINTS } from '../../../core/store/series-cache';
import { ReaderPool } from '../../../core/store/reader-pool';
import { openStore, steppingClock, steps } from './helpers';

const TEST_ENTRY = path.resolve(__dirname, 'reader-test-worker.mjs');
const pools: ReaderPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});
const pool = (file: string, options: Partial<ConstructorParameters<typeof ReaderPool>[0]> = {}) => {
  const p = new ReaderPool({ path: file, ...options });
  pools.push(p);
  return p;
};

/** A small real history: a sweep of 2 specs × 2 seeds, tagged runs, NaN, and one long series. */
function history() {
  const s = openStore(undefined, { now: steppingClock().now });
  const sweep = s.createSweep({
    base: ExperimentSpecSchema.parse({}),
    grid: { 'train.lr': [0.1, 0.01], 'train.seed': [1, 2] },
  });
  for (const lr of [0.1, 0.01])
    for (const seed of [1, 2]) {
      const r = s.createRun({
        spec: ExperimentSpecSchema.parse({ train: { lr, seed } }),
        sweepId: sweep.id,
        tags: ['sweep'],
      });
      s.appendSteps(r.id, steps(0, 40));
      s.finishRun(r.id, { status: 'completed', final: { loss: lr * seed, steps: 40 } });
    }
  const nan = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'diverged one' }), tags: ['odd'] });
  s.appendPoints(nan.id, [
    { metric: 'loss', step: 1, value: 1, wallMs: 1 },
    { metric: 'loss', step: 2, value: Number.NaN, wallMs: 2 },
    { metric: 'loss', step: 3, value: Number.POSITIVE_INFINITY, wallMs: 3 },
  ]);
  s.finishRun(nan.id, { status: 'diverged', final: { loss: Number.NaN, steps: 3 } });
  const long = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'long' }) });
  const n = CACHE_MIN_POINTS + 5000;
  s.appendPoints(
    long.id,
    Array.from({ length: n }, (_, i) => ({
      metric: 'loss',
      step: i + 1,
      value: Math.exp(-i / 3000) + (i % 7) / 100,
      wallMs: i,
    })),
  );
  return { s, sweepId: sweep.id, nanId: nan.id, longId: long.id, n };
}

describe('reader pool', () => {
  it('answers every read exactly as the lab’s own connection does, on a real file', async () => {
    const { s, sweepId, nanId, longId } = history();
    const p = pool(s.path, { size: 2 });
    const query: RunQueryParsed = { limit: 3, offset: 1, sort: 'finalLoss', order: 'asc', tag: ['sweep'] };
    expect(await p.call('listRuns', query)).toEqual(s.listRuns(query));
    const text: RunQueryParsed = { limit: 50, offset: 0, sort: 'createdAt', order: 'desc', text: 'diverged' };
    expect(await p.call('listRuns', text)).toEqual(s.listRuns(text));
    expect(await p.call('getSeries', { runId: nanId })).toEqual(s.getSeries(nanId));
    for (let i = 0; i < 2; i++) {
      // The second read of the long series comes from the cache: still the same points.
      expect(await p.call('getSeries', { runId: longId, metrics: ['loss'], maxPoints: 500 })).toEqual(
        s.getSeries(longId, { metrics: ['loss'], maxPoints: 500 }),
      );
    }
    expect(await p.call('getSeries', { runId: longId, maxPoints: 500 })).toEqual(
      s.getSeries(longId, { maxPoints: 500 }),
    );
    expect(await p.call('sweepSummary', { sweepId, metric: 'loss' })).toEqual(s.sweepSummary(sweepId, 'loss'));
    expect(await p.call('getProfiles', { runId: nanId, options: { latest: true } })).toEqual(
      s.getProfiles(nanId, { latest: true }),
    );
  });

  it('sees what the lab writes after it started, cached series included', async () => {
    const { s, longId, n } = history();
    const p = pool(s.path);
    const before = await p.call('getSeries', { runId: longId, metrics: ['loss'], maxPoints: 300 });
    expect(before[0]!.totalPoints).toBe(n);
    s.appendPoints(longId, [{ metric: 'loss', step: n + 1, value: 42, wallMs: n }]);
    const after = await p.call('getSeries', { runId: longId, metrics: ['loss'], maxPoints: 300 });
    expect(after[0]!.totalPoints).toBe(n + 1);
    expect(after[0]!.value.at(-1)).toBe(42);
    // A run list kept while nothing changed is read again after the lab's write.
    const q: RunQueryParsed = { limit: 5, offset: 0, sort: 'createdAt', order: 'desc' };
    expect(await p.call('listRuns', q)).toEqual(s.listRuns(q));
    s.renameRun(longId, 'renamed long');
    expect((await p.call('listRuns', q)).runs[0]!.name).toBe('renamed long');
    expect(await p.call('listRuns', q)).toEqual(s.listRuns(q));
    s.deleteRun(longId);
    await expect(p.call('getSeries', { runId: longId, metrics: ['loss'], maxPoints: 300 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('forgets a run’s cached series when told its series were truncated in place', async () => {
    const { s, longId } = history();
    const p = pool(s.path);
    const args = { runId: longId, metrics: ['loss'], maxPoints: 300 };
    await p.call('getSeries', args);
    // A resume truncates and trains again: same shape, other values.
    s.truncateAfter(longId, 1000);
    const again = CACHE_MIN_POINTS + 4000;
    s.appendPoints(
      longId,
      Array.from({ length: again }, (_, i) => ({ metric: 'loss', step: 1001 + i, value: 7, wallMs: i })),
    );
    p.invalidate(longId);
    const read = await p.call('getSeries', args);
    expect(read).toEqual(s.getSeries(longId, args));
    expect(read[0]!.value.at(-1)).toBe(7);
  });

  it('answers a store error as the LabError the direct read gives', async () => {
    const { s } = history();
    const p = pool(s.path);
    const err = await p.call('getSeries', { runId: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err).toMatchObject({ code: 'not_found' });
    expect(() => s.getSeries('nope')).toThrow((err as Error).message);
  });

  it('a reader thread that dies answers its call with an error and is replaced', async () => {
    const { s, nanId } = history();
    const p = pool(s.path, { entry: TEST_ENTRY });
    const [before] = p.threadIds;
    const err = await p.send('exit', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err).toMatchObject({ code: 'unavailable', message: expect.stringContaining('exited with code 3') });
    expect(p.replaced).toBe(1);
    expect(p.threadIds[0]).not.toBe(before);
    expect(await p.call('getSeries', { runId: nanId })).toEqual(s.getSeries(nanId));
  });

  it('a read that hangs answers unavailable after the timeout; the thread is replaced', async () => {
    const { s, nanId } = history();
    const p = pool(s.path, { entry: TEST_ENTRY });
    await expect(p.send('hang', {}, 300)).rejects.toMatchObject({
      code: 'unavailable',
      message: /took longer than 300 ms/,
    });
    expect(p.replaced).toBe(1);
    expect(await p.call('getSeries', { runId: nanId })).toEqual(s.getSeries(nanId));
  });

  it('threads that cannot start stop being restarted and every call answers an error', async () => {
    const { s } = history();
    const p = pool(s.path, { entry: path.resolve(__dirname, 'no-such-reader.mjs') });
    for (let i = 0; i < 20 && !p.broken; i++) await p.call('listRuns', {} as never).catch(() => undefined);
    expect(p.broken).toBeInstanceOf(LabError);
    await expect(p.call('listRuns', {} as never)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('close ends every thread and answers the calls still waiting', async () => {
    const { s } = history();
    const p = pool(s.path, { entry: TEST_ENTRY, size: 2 });
    const hung = p.send('hang', {}).catch((e: unknown) => e);
    await p.close();
    expect(await hung).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/closed/) });
    await expect(p.call('listRuns', {} as never)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
