/**
 * Importing TensorBoard logs written by an independent encoder (test/fixtures/tensorboard/make_events.py:
 * Python's standard library only, its own CRC-32C and protobuf encoding), into a real SQLite store.
 */
import { ExperimentSpecSchema } from '../../../core/api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../core/api/errors';
import { importTensorBoard } from '../../../core/interop/import-tensorboard';
import { openStore, tempDir, FIXTURES } from '../store/helpers';

const SCRIPT = path.resolve(__dirname, '../../fixtures/tensorboard/make_events.py');

type Points = [number, number, number][];
function make<T>(scenario: string): { dir: string; expect: T } {
  const dir = path.join(tempDir(), scenario);
  const out = execFileSync('python3', [SCRIPT, dir, scenario], { encoding: 'utf8' });
  return { dir, expect: JSON.parse(out) as T };
}

function catchLab(fn: () => unknown): LabError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected a LabError');
}

describe('gradlab import tensorboard', () => {
  it('imports simple_value (TF1/PyTorch) and scalar tensors (TF2), exactly, with steps and wall times', () => {
    const { dir, expect: want } = make<Record<string, Record<string, Points>>>('mixed');
    const s = openStore();
    const report = importTensorBoard(s, dir).runs;
    expect(report.map((r) => r.run.name)).toEqual(['lr=0.1,seed=1', 'lr=0.1,seed=2', 'lr=0.1,seed=3', 'tf2/train']);
    for (const r of report) {
      const detail = s.getRun(r.run.id);
      expect(detail.status).toBe('imported');
      expect(detail.spec).toBeNull();
      expect(detail.source?.directory).toBe(path.join(dir, r.run.name));
      const tags = want[r.run.name]!;
      expect(detail.metrics.sort()).toEqual(Object.keys(tags).sort());
      const t0 = Date.parse(detail.startedAt!) / 1000;
      for (const [tag, points] of Object.entries(tags)) {
        const [series] = s.getSeries(r.run.id, { metrics: [tag] });
        expect(series!.step).toEqual(points.map((p) => p[0]));
        expect(series!.value).toEqual(points.map((p) => p[1])); // float32 values, bit for bit
        series!.wallMs.forEach((w, i) => expect(t0 + w / 1000).toBeCloseTo(points[i]![2], 3));
      }
    }
    // PyTorch-style runs carry a histogram and an image every 10 steps: skipped and counted.
    expect(report[0]!.skipped).toEqual({ histograms: 5, images: 5 });
    expect(report[0]!.run.final.loss).toBe(want['lr=0.1,seed=1']!.loss!.at(-1)![1]);
    // The TF2 run's two files are read in wall-time order, not name order: steps 0..19 without a purge.
    expect(report[3]!.files).toBe(2);
    expect(report[3]!.purged).toBe(0);
    expect(s.getSeries(report[3]!.run.id, { metrics: ['epoch_loss'] })[0]!.step).toEqual([...Array(20).keys()]);
  });

  it('groups seeds by a pattern, so Compare bands them; runs, search, tags and notes work on them', () => {
    const { dir } = make('mixed');
    const s = openStore();
    const report = importTensorBoard(s, dir, { group: 'seed=\\d+' }).runs;
    const [a, b, c, tf2] = report.map((r) => r.run);
    expect([a!.seed, b!.seed, c!.seed]).toEqual([1, 2, 3]);
    expect(new Set([a!.specHash, b!.specHash, c!.specHash]).size).toBe(1);
    expect(tf2!.specHash).not.toBe(a!.specHash);
    s.tagRun(a!.id, ['pytorch']);
    s.noteRun(a!.id, 'from the cluster');
    expect(
      s.listRuns({ text: 'cluster', sort: 'name', order: 'asc', limit: 10, offset: 0 }).runs.map((r) => r.id),
    ).toEqual([a!.id]);
    expect(s.listRuns({ status: ['imported'], sort: 'name', order: 'asc', limit: 10, offset: 0 }).total).toBe(4);
    expect(
      s.listRuns({ tag: ['pytorch'], sort: 'name', order: 'asc', limit: 10, offset: 0 }).runs.map((r) => r.id),
    ).toEqual([a!.id]);
  });

  it('--tag imports only the named tags, and metric=tag stores a tag as the lab metric', () => {
    const { dir } = make('mixed');
    const s = openStore();
    const report = importTensorBoard(s, dir, { tags: ['loss=epoch_loss'] }).runs;
    expect(report.map((r) => s.getRun(r.run.id).metrics)).toEqual([[], [], [], ['loss']]);
    expect(report[3]!.run.final.loss).toBeCloseTo(0.1, 6);
    const e = catchLab(() => importTensorBoard(s, dir, { tags: ['nope'] }));
    expect(e.message).toContain('No scalars tagged "nope"');
    expect(e.message).toContain('epoch_loss');
  });

  it('reads a truncated last record up to the last whole record and says so', () => {
    const { dir, expect: want } = make<{ file: string; offset: number; points: number }>('truncated');
    const s = openStore();
    const [r] = importTensorBoard(s, dir).runs;
    expect(r!.truncated).toEqual([{ file: want.file, offset: want.offset }]);
    expect(s.getSeries(r!.run.id, { metrics: ['loss'] })[0]!.step).toHaveLength(want.points);
  });

  it('a CRC mismatch names the file and byte offset and stores nothing, not even the good runs', () => {
    const { dir, expect: want } = make<{ file: string; offset: number }>('badcrc');
    const s = openStore();
    const before = s.createRun({
      spec: ExperimentSpecSchema.parse({ name: 'kept', task: { kind: 'adding', seqLen: 5 }, train: { steps: 3 } }),
    });
    const e = catchLab(() => importTensorBoard(s, dir));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toBe(
      `${want.file}: the data CRC does not match (the record is damaged) at byte ${want.offset}; nothing was imported from this run.`,
    );
    expect(s.listRuns({ sort: 'name', order: 'asc', limit: 10, offset: 0 }).runs.map((r) => r.id)).toEqual([before.id]);
  });

  it('a malformed protobuf names the file and byte offset', () => {
    const { dir, expect: want } = make<{ file: string; offset: number }>('badproto');
    const e = catchLab(() => importTensorBoard(openStore(), dir));
    expect(e.message).toContain(`${want.file}: the record at byte ${want.offset} is not a TensorBoard Event`);
  });

  it('a directory without event files says so; a bad --group is named', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'no events here');
    const e = catchLab(() => importTensorBoard(openStore(), dir));
    expect(e.message).toBe(`No TensorBoard event files (events.out.tfevents.*) under ${dir}.`);
    expect(catchLab(() => importTensorBoard(openStore(), path.join(dir, 'missing'))).code).toBe('not_found');
    expect(catchLab(() => importTensorBoard(openStore(), dir, { group: '(' })).message).toContain(
      '--group "(" is not a regular expression',
    );
  });

  it('an old (v1) database upgrades, keeps its runs and cascades, and takes imported runs', () => {
    const file = path.join(tempDir(), 'v1.db');
    fs.copyFileSync(path.join(FIXTURES, 'v1-sample.db'), file);
    const s = openStore(file);
    expect(s.integrityCheck()).toEqual(['ok']);
    expect(s.getRun('fixtureRunB').status).toBe('diverged');
    expect(s.getRun('fixtureRunB').source).toBeNull();
    const { dir } = make('truncated');
    const [r] = importTensorBoard(s, dir).runs;
    expect(s.getRun(r!.run.id).status).toBe('imported');
    s.deleteRun('fixtureRunB'); // children still follow their run after the table rebuild
    expect(s.getSeries('fixtureRunA', { metrics: ['loss'] })[0]!.value.length).toBeGreaterThan(0);
    expect(() => s.getSeries('fixtureRunB')).toThrow(/No run/);
  });

  it('imported runs travel in bundles to another lab, source and seed group kept', () => {
    const { dir } = make('mixed');
    const a = openStore();
    const report = importTensorBoard(a, dir, { group: 'seed=\\d+' }).runs;
    const b = openStore();
    const back = b.importBundle(a.exportBundle().bytes);
    expect(back.map((r) => [r.name, r.status, r.seed, r.specHash]).sort()).toEqual(
      report.map((r) => [r.run.name, 'imported', r.run.seed, r.run.specHash]).sort(),
    );
    const twin = back.find((r) => r.name === 'tf2/train')!;
    expect(b.getRun(twin.id).source).toEqual(a.getRun(report[3]!.run.id).source);
    expect(b.getSeries(twin.id, { metrics: ['epoch_loss'] })[0]!.value).toEqual(
      a.getSeries(report[3]!.run.id, { metrics: ['epoch_loss'] })[0]!.value,
    );
  });
});
