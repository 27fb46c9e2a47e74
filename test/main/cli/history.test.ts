/** The run history from the command line: train → runs list/show/tag/export/import/delete → figure, on real files. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromWire } from '../../../core/shared/wire';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-'));
const db = join(dir, 'lab.db');
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const spec = {
  name: 'cli-run',
  task: { kind: 'adding', seqLen: 6 },
  model: { cell: 'gru', hidden: 6 },
  train: { steps: 30, batch: 8, evalEvery: 10, checkpointEvery: 10 },
  probe: { every: 10, batch: 8 },
};
writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));

describe('gradlab train and runs', () => {
  let runId = '';

  it('trains a run into the database named by GRADLAB_DB and prints its final metrics', () => {
    const r = gradlab('train', join(dir, 'spec.json'));
    expect(r.code).toBe(0);
    const m = /^run (\S+) completed/m.exec(r.out);
    expect(m).not.toBeNull();
    runId = m![1]!;
    expect(r.out).toMatch(/steps 30 {2}loss \d/);
  });

  it('prints NDJSON events with --json', () => {
    const r = gradlab('train', join(dir, 'spec.json'), '--json');
    expect(r.code).toBe(0);
    const types = r.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types[0]).toBe('run.queued');
    expect(types).toContain('run.profiles');
    expect(types.at(-1)).toBe('run.finished');
  });

  it('refuses a bad spec naming the field', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ model: { cell: 'lstm', hidden: -3 } }));
    const r = gradlab('train', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('model.hidden');
  });

  it('lists and shows runs as one JSON document', () => {
    const list = fromWire(gradlab('runs', 'list', '--json').out) as {
      runs: { id: string; cell: string }[];
      total: number;
    };
    expect(list.total).toBe(2);
    expect(list.runs.every((r) => r.cell === 'gru')).toBe(true);
    const show = fromWire(gradlab('runs', 'show', runId, '--json').out) as {
      run: { id: string; spec: unknown };
      series: { metric: string }[];
      profiles: unknown[];
    };
    expect(show.run.id).toBe(runId);
    expect(show.series.map((s) => s.metric)).toContain('loss');
    expect(show.profiles.length).toBeGreaterThan(0);
    expect(gradlab('runs', 'list', '--cell', 'lstm').out).toContain('no runs');
  });

  it('tags, exports, imports and deletes', () => {
    expect(gradlab('runs', 'tag', runId, '--add', 'paper,fig2').out).toContain('fig2, paper');
    expect(gradlab('runs', 'list', '--tag', 'paper').out).toContain(runId);
    const bundle = join(dir, 'run.gradlab');
    expect(gradlab('runs', 'export', runId, '--out', bundle).code).toBe(0);
    const other = join(dir, 'other.db');
    const imp = spawnSync(process.execPath, ['bin/gradlab.js', 'runs', 'import', bundle, '--db', other], {
      encoding: 'utf8',
    });
    expect(imp.stdout).toMatch(/imported 1 run/);
    expect(gradlab('runs', 'delete', runId).code).toBe(0);
    expect((fromWire(gradlab('runs', 'list', '--json').out) as { total: number }).total).toBe(1);
  });

  it('refuses a bundle that is not one, naming the file', () => {
    writeFileSync(join(dir, 'junk.gradlab'), 'not a bundle');
    const r = gradlab('runs', 'import', join(dir, 'junk.gradlab'));
    expect(r.code).toBe(1);
    expect(r.err.length).toBeGreaterThan(0);
  });

  it('renders a figure of stored runs', () => {
    const list = fromWire(gradlab('runs', 'list', '--json').out) as { runs: { id: string }[] };
    const out = join(dir, 'loss.svg');
    const r = gradlab('figure', '--runs', list.runs[0]!.id, '--chart', 'loss', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml|^<svg/);
  });
});
