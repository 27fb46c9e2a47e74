/**
 * History maintenance from the command line: `runs delete --older-than/--tag` (a count first, --dry-run to
 * list, --yes to delete) and `db vacuum`, which refuses while a lab has the file open and names that lab.
 */
import { ExperimentSpecSchema } from '../../../core/api';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabStore, bootId } from '../../../core/store';
import { createLab } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';

const gradlab = (db: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args, '--db', db], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const spec = {
  name: 'old',
  task: { kind: 'adding' as const, seqLen: 6 },
  model: { hidden: 6 },
  train: { steps: 10, batch: 8 },
};

function seeded(): string {
  const db = join(mkdtempSync(join(tmpdir(), 'gradlab-maint-')), 'lab.db');
  const day = 86_400_000;
  let t = Date.now() - 100 * day;
  const store = LabStore.open(db, { now: () => new Date(t) });
  const make = (ageDays: number, tags: string[] = []) => {
    t = Date.now() - ageDays * day;
    const r = store.createRun({ spec: ExperimentSpecSchema.parse(spec), tags });
    store.finishRun(r.id, { status: 'completed', final: { loss: 0.1, steps: 10 } });
    return r.id;
  };
  [100, 90, 60].forEach((d) => make(d));
  make(1, ['junk']);
  make(0);
  store.close();
  return db;
}

const count = (db: string) => {
  const s = LabStore.open(db);
  const n = s.listRuns({ sort: 'createdAt', order: 'desc', limit: 100, offset: 0 }).total;
  s.close();
  return n;
};

describe('gradlab runs delete --older-than / --tag', () => {
  it('says how many first, lists with --dry-run, deletes with --yes', () => {
    const db = seeded();
    const ask = gradlab(db, 'runs', 'delete', '--older-than', '30d');
    expect(ask.code).toBe(2);
    expect(ask.err.split('\n')[0]).toBe(
      'gradlab runs delete: this deletes 3 run(s) created more than 30d ago; run again with --yes, or with --dry-run to list them',
    );
    expect(count(db)).toBe(5);
    const dry = gradlab(db, 'runs', 'delete', '--older-than', '30d', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out.trim().split('\n')).toHaveLength(4);
    expect(dry.out).toContain('3 run(s) created more than 30d ago would be deleted');
    expect(count(db)).toBe(5);
    expect(gradlab(db, 'runs', 'delete', '--older-than', '30d', '--yes').out).toContain('deleted 3 run(s)');
    expect(count(db)).toBe(2);
    expect(gradlab(db, 'runs', 'delete', '--tag', 'junk', '-y').out).toContain("deleted 1 run(s) tagged 'junk'");
    expect(count(db)).toBe(1);
    const bad = gradlab(db, 'runs', 'delete', '--older-than', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe("--older-than must be a duration such as 30m, 12h, 90d or 2w, got 'soon'");
  }, 120_000);
});

describe('gradlab db vacuum', () => {
  it('refuses while a lab has the file open, naming it; runs once it has closed', async () => {
    const db = seeded();
    const lab = createLab({
      mode: 'browser',
      version: '0.0.0-test',
      launcher: forkLauncher(),
      databasePath: db,
      concurrency: 1,
    });
    let r: ReturnType<typeof gradlab>;
    try {
      r = gradlab(db, 'db', 'vacuum');
    } finally {
      await lab.close();
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `is open in the browser lab of process ${process.pid} on ${hostname()} \\(open since .+\\); close it and try again`,
      ),
    );
    const ok = gradlab(db, 'db', 'vacuum');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^vacuumed .+: \d+\.\d MiB → \d+\.\d MiB$/m);
    expect(count(db)).toBe(5);
  }, 120_000);

  it('is not held up by a lab that died without closing', () => {
    const db = seeded();
    const s = LabStore.open(db, { owner: { host: hostname(), pid: 2 ** 22 + 7, boot: bootId() } });
    s.openSession('cli');
    s.close();
    const r = gradlab(db, 'db', 'vacuum');
    expect(r.code, r.err).toBe(0);
  }, 60_000);
});
