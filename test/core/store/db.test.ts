import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LabError, ExperimentSpecSchema } from '../../../core/api';
import { APPLICATION_ID, LATEST_VERSION, LabStore, MIGRATIONS, type Migration } from '../../../core/store';
import { FIXTURES, openStore, steps, tempDir, tempPath } from './helpers';

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; message: string; when: string }
>;

function catchError(fn: () => unknown): LabError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected a LabError');
}

describe('opening a database', () => {
  it('creates and migrates a new file with WAL, foreign keys and our application id', () => {
    const file = tempPath();
    openStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openStore(file);
    expect(again.integrityCheck()).toEqual(['ok']);
  });

  it('opens an empty (0-byte) file as a new database', () => {
    const file = tempPath();
    fs.writeFileSync(file, '');
    const s = openStore(file);
    expect(s.listRuns({ sort: 'createdAt', order: 'desc', limit: 10, offset: 0 }).total).toBe(0);
  });

  it('names a missing directory as unavailable', () => {
    const file = path.join(tempDir(), 'no', 'such', 'dir', 'lab.db');
    const e = catchError(() => LabStore.open(file));
    expect(e.code).toBe('unavailable');
    expect(e.message).toContain(file);
  });

  it('opens the committed v1 sample and reads its runs', () => {
    const file = path.join(tempDir(), 'v1.db');
    fs.copyFileSync(path.join(FIXTURES, 'v1-sample.db'), file);
    const s = openStore(file);
    const page = s.listRuns({ sort: 'name', order: 'asc', limit: 10, offset: 0 });
    expect(page.runs.map((r) => [r.id, r.status])).toEqual([
      ['fixtureRunA', 'completed'],
      ['fixtureRunB', 'diverged'],
    ]);
    const loss = s.getSeries('fixtureRunB', { metrics: ['loss', 'gradNorm'] });
    expect(loss[0]!.value).toHaveLength(20);
    expect(loss[1]!.value[19]).toBe(Number.POSITIVE_INFINITY);
    expect(s.getRun('fixtureRunB').final.loss).toBeNaN();
    expect(s.integrityCheck()).toEqual(['ok']);
  });
});

describe('the corpus of bad files', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: ${want.code}, named, file untouched`, () => {
      const dir = tempDir();
      const file = path.join(dir, name);
      fs.copyFileSync(path.join(FIXTURES, name), file);
      const before = fs.readFileSync(file);
      const e = catchError(() => {
        const s = LabStore.open(file, { busyTimeoutMs: 100 });
        try {
          s.listRuns({ sort: 'createdAt', order: 'desc', limit: 10, offset: 0 });
        } finally {
          s.close();
        }
      });
      expect({ code: e.code, message: e.message }).toEqual({
        code: want.code,
        message: want.message.replace('{file}', file).replace('{latest}', String(LATEST_VERSION)),
      });
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(dir)).toEqual([name]);
    });
  }
});

describe('migrations', () => {
  const addNotes: Migration = {
    version: LATEST_VERSION + 1,
    name: 'test: a notes table',
    up: (db) =>
      db.exec(
        "CREATE TABLE extra_notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO extra_notes (body) VALUES ('migrated')",
      ),
  };

  it('upgrades the v1 sample with a later migration, keeping its data', () => {
    const file = path.join(tempDir(), 'v1.db');
    fs.copyFileSync(path.join(FIXTURES, 'v1-sample.db'), file);
    const s = openStore(file, { migrations: [...MIGRATIONS, addNotes] });
    expect(s.getRun('fixtureRunA').name).toBe('a');
    s.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(db.prepare('SELECT body FROM extra_notes').pluck().get()).toBe('migrated');
    db.close();
    // Once migrated further, this version refuses it as newer.
    const e = catchError(() => LabStore.open(file));
    expect(e.code).toBe('unavailable');
    expect(e.message).toContain(`schema version ${LATEST_VERSION + 1}`);
  });

  it('rolls a failing migration back entirely', () => {
    const file = tempPath();
    openStore(file).close();
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test: fails half-way',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    const e = catchError(() => LabStore.open(file, { migrations: [...MIGRATIONS, broken] }));
    expect(e.message).toBe(
      `Migration ${LATEST_VERSION + 1} (test: fails half-way) of ${file} failed and was rolled back: boom`,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('two connections on one file', () => {
  it('a writer waits for the other, then fails with a clear error; nothing is corrupted', () => {
    const file = tempPath();
    const a = openStore(file, { busyTimeoutMs: 2000 });
    const b = openStore(file, { busyTimeoutMs: 150 });
    const run = a.createRun({ spec: ExperimentSpecSchema.parse({ name: 'shared' }) });
    // A third raw connection holds the write lock, as another lab mid-transaction would.
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const t0 = performance.now();
    const e = catchError(() => b.appendSteps(run.id, steps(0, 10)));
    const waited = performance.now() - t0;
    expect(e.code).toBe('unavailable');
    expect(e.message).toBe(
      `The database ${file} is busy: another gradlab (or another program) is writing to it. Try again when it has finished, or use another database file.`,
    );
    expect(waited).toBeGreaterThanOrEqual(100);
    // Readers are not blocked by a writer in WAL mode.
    expect(b.getRun(run.id).stepsDone).toBe(0);
    holder.exec('COMMIT');
    holder.close();
    b.appendSteps(run.id, steps(0, 10));
    a.appendSteps(run.id, steps(10, 10));
    expect(a.getSeries(run.id, { metrics: ['loss'] })[0]!.step).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(a.integrityCheck()).toEqual(['ok']);
  });

  it('two processes appending to the same file at once both succeed and the file stays sound', async () => {
    const file = tempPath();
    const s = openStore(file);
    const r1 = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'p1' }) });
    const r2 = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'p2' }) });
    const { spawn } = await import('node:child_process');
    const script = path.resolve(__dirname, 'writer-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, r2.id], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Start writing once the child has, so the two really overlap.
    const t0 = Date.now();
    while (s.getRun(r2.id).stepsDone === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 200; i++) {
      s.appendSteps(r1.id, steps(i * 10, 10));
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(await done, stderr).toBe(0);
    expect(s.getRun(r1.id).stepsDone).toBe(1999);
    expect(s.getRun(r2.id).stepsDone).toBe(1999);
    expect(s.integrityCheck()).toEqual(['ok']);
  });
});

describe('crash recovery', () => {
  it('a database copied with its WAL (as a crash leaves it) opens with every committed write', () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    const s = openStore(file);
    const raw = new Database(file);
    raw.pragma('wal_autocheckpoint = 0');
    const run = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'before the crash' }) });
    s.appendSteps(run.id, steps(0, 3000));
    // Copy the files while both connections are open: the main file lacks what is only in the WAL.
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    raw.close();
    const recovered = openStore(copy);
    expect(recovered.getSeries(run.id, { metrics: ['loss'] })[0]!.totalPoints).toBe(3000);
    expect(recovered.integrityCheck()).toEqual(['ok']);
  });
});
