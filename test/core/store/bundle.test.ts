import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromWire, ExperimentSpecSchema } from '../../../core/api';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type LabStore } from '../../../core/store';
import { FIXTURES, openStore, steppingClock, steps, tempPath } from './helpers';

const BUNDLES = path.join(FIXTURES, 'bundles');
const expected = JSON.parse(fs.readFileSync(path.join(BUNDLES, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; message: string }
>;

/** Everything a user can see of a store, without ids. */
function snapshot(s: LabStore) {
  const runs = s.listRuns({ sort: 'name', order: 'asc', limit: 10_000, offset: 0 });
  return {
    total: runs.total,
    runs: runs.runs.map((r) => ({
      ...r,
      id: undefined,
      sweepId: r.sweepId === null ? null : 'x',
      series: s.getSeries(r.id),
      profiles: s.getProfiles(r.id),
      checkpoints: s.listCheckpointSteps(r.id),
    })),
  };
}

function populate(s: LabStore): { sweepId: string; loose: string } {
  const sweep = s.createSweep({
    name: 'seeds',
    base: ExperimentSpecSchema.parse({ name: 'base' }),
    grid: { 'train.seed': [1, 2] },
  });
  for (const seed of [1, 2]) {
    const r = s.createRun({
      spec: ExperimentSpecSchema.parse({ name: `seed ${seed}`, train: { seed } }),
      sweepId: sweep.id,
      tags: ['sweep'],
    });
    s.markStarted(r.id, { backend: 'cpu', device: 'cpu' });
    s.appendSteps(
      r.id,
      steps(0, 1500, (i) => (seed === 2 && i === 1499 ? Number.NaN : 1 / (i + 1))),
    );
    s.saveProfile(r.id, {
      step: 1499,
      layers: [{ layer: 0, hNorms: [Number.POSITIVE_INFINITY, 1], horizon: 1, saturation: Number.NaN }],
    });
    s.saveCheckpoint(r.id, { step: 1000, data: new Uint8Array([9, 8, 7]) });
    s.finishRun(
      r.id,
      seed === 2
        ? { status: 'diverged', divergence: { step: 1499, tensor: 'loss' }, final: { loss: Number.NaN } }
        : { status: 'completed', final: { loss: 0.001 } },
    );
  }
  const loose = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'loose' }), note: 'not in a sweep' });
  s.markStarted(loose.id, { backend: 'cpu', device: 'cpu' });
  s.appendSteps(loose.id, steps(0, 10));
  return { sweepId: sweep.id, loose: loose.id };
}

describe('bundles', () => {
  it('is gzip of wire JSON with a format name and version', () => {
    const s = openStore(tempPath(), { now: steppingClock('2026-05-06T07:08:09.000Z').now });
    const { sweepId } = populate(s);
    const file = s.exportBundle({ sweepId });
    expect(file.fileName).toMatch(new RegExp(`^gradlab-sweep-${sweepId}-\\d{8}T\\d{6}Z\\.json\\.gz$`));
    expect(file.mime).toBe('application/gzip');
    const body = fromWire(zlib.gunzipSync(file.bytes).toString('utf8')) as {
      format: string;
      version: number;
      runs: unknown[];
      sweeps: unknown[];
    };
    expect([body.format, body.version, body.runs.length, body.sweeps.length]).toEqual([
      BUNDLE_FORMAT,
      BUNDLE_VERSION,
      2,
      1,
    ]);
  });

  it('round-trips into another lab exactly, NaN and all, and again into the same lab with fresh ids', () => {
    const a = openStore(tempPath());
    const { sweepId, loose } = populate(a);
    const all = a.exportBundle({ includeCheckpoints: true });
    const b = openStore(tempPath());
    const imported = b.importBundle(all.bytes);
    expect(imported).toHaveLength(3);
    const before = snapshot(a);
    // A run that was running where it was exported is not running here.
    const looseBefore = before.runs.find((r) => r.name === 'loose')!;
    const looseAfter = snapshot(b).runs.find((r) => r.name === 'loose')!;
    expect(looseAfter.status).toBe('interrupted');
    expect({ ...looseAfter, status: 'running', error: null }).toEqual(looseBefore);
    expect(snapshot(b).runs.filter((r) => r.name !== 'loose')).toEqual(before.runs.filter((r) => r.name !== 'loose'));
    expect(imported.map((r) => r.id).sort()).toEqual(
      a
        .listRuns({ sort: 'createdAt', order: 'asc', limit: 10, offset: 0 })
        .runs.map((r) => r.id)
        .sort(),
    );
    expect(b.getCheckpoint(imported[0]!.id)?.data).toEqual(new Uint8Array([9, 8, 7]));
    expect(b.sweepSummary(sweepId)).toEqual(a.sweepSummary(sweepId));

    // Into the lab it came from: every id is taken, so every run and the sweep get new ones, kept together.
    const again = a.importBundle(a.exportBundle({ sweepId }).bytes);
    expect(again).toHaveLength(2);
    const newSweep = again[0]!.sweepId!;
    expect(newSweep).not.toBe(sweepId);
    expect(again.every((r) => r.sweepId === newSweep)).toBe(true);
    expect(again.map((r) => r.id)).not.toContain(loose);
    expect(a.listRuns({ sort: 'createdAt', order: 'desc', limit: 100, offset: 0 }).total).toBe(5);
    const groups = a.sweepSummary(newSweep);
    expect(groups).toEqual(a.sweepSummary(sweepId).map((g) => ({ ...g, runIds: again.map((r) => r.id) })));
    expect(a.getSeries(again[1]!.id, { metrics: ['loss'] })[0]!.value.at(-1)).toBeNaN();
    expect(a.integrityCheck()).toEqual(['ok']);
    expect(b.integrityCheck()).toEqual(['ok']);
  });

  it('leaves checkpoints out unless asked', () => {
    const a = openStore();
    populate(a);
    const b = openStore();
    const [first] = b.importBundle(a.exportBundle().bytes);
    expect(b.listCheckpointSteps(first!.id)).toEqual([]);
  });

  it('refuses unknown runs or sweeps to export', () => {
    const a = openStore();
    expect(() => a.exportBundle({ runIds: ['nope'] })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => a.exportBundle({ sweepId: 'nope' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  describe('the corpus of bad bundles changes nothing', () => {
    for (const [name, want] of Object.entries(expected)) {
      it(`${name}: ${want.message.slice(0, 60)}…`, () => {
        const s = openStore();
        populate(s);
        const before = snapshot(s);
        let error: unknown;
        try {
          s.importBundle(fs.readFileSync(path.join(BUNDLES, name)));
        } catch (e) {
          error = e;
        }
        expect(error).toMatchObject({ code: want.code, message: want.message });
        expect(snapshot(s)).toEqual(before);
        expect(s.integrityCheck()).toEqual(['ok']);
      });
    }

    it('good.json.gz (the source of the corpus) imports', () => {
      const s = openStore();
      const runs = s.importBundle(fs.readFileSync(path.join(BUNDLES, 'good.json.gz')));
      expect(runs.map((r) => [r.id, r.sweepId, r.status])).toEqual([
        ['fixtureRunA', 'fixtureSweep', 'completed'],
        ['fixtureRunB', 'fixtureSweep', 'diverged'],
      ]);
    });
  });
});
