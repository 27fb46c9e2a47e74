/**
 * Opening the lab's SQLite file: refuse anything that is not ours (or is damaged, or newer) before writing a
 * single byte, then switch on WAL, foreign keys and a busy timeout, and migrate.
 *
 * Error codes: a file whose *content* is unusable (not SQLite, truncated, corrupt, another application's
 * database) is `invalid_argument`; a file we cannot use *now* (newer schema, locked by another lab, missing
 * directory, read-only, disk full) is `unavailable`. Every message names the file.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { LabError } from '../api/errors';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate, type Migration } from './migrations';

export type Db = Database.Database;
export type Statement = Database.Statement;

export interface OpenOptions {
  /**
   * How long a write waits for another connection (another lab, the CLI) to release the file, in ms.
   * better-sqlite3 is synchronous, so this blocks the calling thread: keep it short on a UI host.
   */
  busyTimeoutMs?: number;
  /** For tests of the migration runner; the lab always uses the built-in list. */
  migrations?: readonly Migration[];
}

/** A database plus a cache of prepared statements keyed by their SQL text. */
export interface StoreContext {
  readonly db: Db;
  readonly path: string;
  stmt(sql: string): Statement;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/** Checks the 100-byte header without SQLite: not-SQLite and truncated files are named, never opened. */
export function checkFileHeader(path: string): void {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // a new database
    throw new LabError('unavailable', `Cannot read the database ${path}: ${(e as Error).message}`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return; // SQLite treats an empty file as an empty database
    const header = Buffer.alloc(HEADER_BYTES);
    const got = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (got < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
      throw new LabError('invalid_argument', `${path} is not a gradlab database: it is not an SQLite file.`);
    }
    if (got < HEADER_BYTES) {
      throw new LabError(
        'invalid_argument',
        `${path} is truncated: the file ends inside the SQLite header (${size} bytes).`,
      );
    }
    const rawPage = header.readUInt16BE(16);
    const pageSize = rawPage === 1 ? 65536 : rawPage;
    const pages = header.readUInt32BE(28);
    // The in-header page count is trusted only when it was written by the same change as the counter.
    const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
    // After a crash in the middle of a checkpoint the file can be shorter than its header says until SQLite
    // replays the WAL beside it: with a WAL present, the size tells nothing.
    const walSize = fs.statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (walSize === 0 && (size % pageSize !== 0 || (countValid && size < pages * pageSize))) {
      const expected = countValid ? ` of ${pages * pageSize}` : '';
      throw new LabError('invalid_argument', `${path} is truncated: ${size} bytes${expected} (page size ${pageSize}).`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

interface SqliteLikeError {
  code?: string;
  message: string;
}

/** Turns a SQLite failure into a LabError naming the file and what the user can do. */
export function translateSqliteError(e: unknown, path: string): unknown {
  if (e instanceof LabError || !(e instanceof Error)) return e;
  const code = (e as SqliteLikeError).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new LabError(
      'unavailable',
      `The database ${path} is busy: another gradlab (or another program) is writing to it. Try again when it has finished, or use another database file.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT'))
    return new LabError(
      'invalid_argument',
      `The database ${path} is corrupt (${e.message}). Restore it from a backup or start a new database file.`,
    );
  if (code === 'SQLITE_NOTADB')
    return new LabError('invalid_argument', `${path} is not a gradlab database: ${e.message}.`);
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new LabError('unavailable', `Cannot open the database ${path}: ${e.message}.`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM'))
    return new LabError('unavailable', `The database ${path} is read-only: ${e.message}.`);
  if (code === 'SQLITE_FULL') return new LabError('unavailable', `The disk holding ${path} is full.`);
  if (code.startsWith('SQLITE_IOERR'))
    return new LabError('unavailable', `Input/output error on ${path}: ${e.message}.`);
  return e;
}

function openRaw(path: string): Db {
  try {
    return new Database(path);
  } catch (e) {
    if (e instanceof TypeError || (e as SqliteLikeError).code === undefined) {
      throw new LabError('unavailable', `Cannot open the database ${path}: ${(e as Error).message}.`);
    }
    throw translateSqliteError(e, path);
  }
}

/** Refuses, by reading only, a database that is another application's or comes from a newer gradlab. */
function checkOwnership(db: Db, path: string, latest: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID && appId !== 0) {
    throw new LabError(
      'invalid_argument',
      `${path} is not a gradlab database: it belongs to another application (application_id ${appId}).`,
    );
  }
  if (appId === 0) {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    if (tables.length > 0 || version !== 0) {
      throw new LabError(
        'invalid_argument',
        `${path} is not a gradlab database: it is an SQLite database of another kind (tables: ${tables.slice(0, 5).join(', ') || 'none'}).`,
      );
    }
  }
  if (version > latest) {
    throw new LabError(
      'unavailable',
      `The database ${path} was written by a newer gradlab (schema version ${version}; this one knows up to ${latest}). Update gradlab to open it; the file was left untouched.`,
    );
  }
}

/**
 * Touches the root of every table, which costs a few page reads: damage there is found before the file is
 * switched to WAL (a write). Damage deeper in a table shows up when read, as a LabError all the same; a full
 * check is LabStore.integrityCheck().
 */
function probeTables(db: Db): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const t of tables) db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" LIMIT 1`).all();
}

/** Opens (creating if needed) and migrates the lab database at `path`. */
export function openDatabase(path: string, options: OpenOptions = {}): StoreContext {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  checkFileHeader(path);
  const db = openRaw(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    checkOwnership(db, path, latest);
    probeTables(db);
    // WAL lets the UI read while a run writes; NORMAL sync is durable across app crashes (not power loss).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, migrations);
  } catch (e) {
    db.close();
    throw translateSqliteError(e, path);
  }
  return withStatements(db, path);
}

/** A connection plus its cache of prepared statements (the lab's own, or a read-only reader's). */
export function withStatements(db: Db, path: string): StoreContext {
  const cache = new Map<string, Statement>();
  return {
    db,
    path,
    stmt(sql: string): Statement {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
  };
}

/**
 * A read-only connection to a lab database another connection has opened and migrated (WAL lets it read
 * while that one writes). For the reader threads: no migration, no write, ever.
 */
export function openReadOnly(path: string, busyTimeoutMs = 5000): StoreContext {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw translateSqliteError(e, path);
  }
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  return withStatements(db, path);
}

export { LATEST_VERSION };
