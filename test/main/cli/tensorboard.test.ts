/** `gradlab import tensorboard` and `gradlab runs export --format tfevents` from the command line, on real files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromWire } from '../../../core/shared/wire';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-tb-'));
const db = join(dir, 'lab.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
execFileSync('python3', [resolve(__dirname, '../../fixtures/tensorboard/make_events.py'), join(dir, 'logs'), 'mixed']);
execFileSync('python3', [resolve(__dirname, '../../fixtures/tensorboard/make_events.py'), join(dir, 'bad'), 'badcrc']);

describe('gradlab import tensorboard / runs export --format tfevents', () => {
  it('imports a log directory and says what it skipped', () => {
    const r = gradlab('import', 'tensorboard', join(dir, 'logs'), '--group', 'seed=\\d+');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/lr=0\.1,seed=1: 2 tags, 100 points from 1 file\(s\); skipped 5 histograms, 5 images/);
    expect(r.out).toMatch(/tf2\/train: 2 tags, 40 points from 2 file\(s\)\n/);
    expect(r.out).toMatch(/imported 4 run\(s\)$/m);
  });

  it('a damaged file names the file and offset, exits 1, and imports nothing', () => {
    const r = gradlab('import', 'tensorboard', join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /bad\/events\.out\.tfevents\.1\.host: the data CRC does not match \(the record is damaged\) at byte 82; nothing was imported/,
    );
    const list = fromWire(gradlab('runs', 'list', '--json').out) as { total: number };
    expect(list.total).toBe(4);
  });

  it('usage mistakes are one line and exit 2', () => {
    const r = gradlab('import', 'wandb', 'x');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("gradlab import: give a source: tensorboard (not 'wandb')");
    expect(gradlab('runs', 'export', '--format', 'tfevents').err.split('\n')[0]).toBe(
      'gradlab runs export --format tfevents: --out DIR is required',
    );
    expect(gradlab('runs', 'export', '--format', 'onnx', '--out', 'x').code).toBe(2);
  });

  it('exports the imported runs as a log directory, one directory per run', () => {
    const list = fromWire(gradlab('runs', 'list', '--json').out) as { runs: { id: string }[] };
    const out = join(dir, 'out');
    const r = gradlab('runs', 'export', '--format', 'tfevents', '--out', out, ...list.runs.map((x) => x.id));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote 4 run\(s\), \d+ bytes/);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(['lr=0.1,seed=1', 'lr=0.1,seed=2', 'lr=0.1,seed=3', 'tf2_train']),
    );
  });
});
