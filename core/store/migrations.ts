/**
 * Schema changes as numbered records applied in order, each in its own transaction together with the bump of
 * `PRAGMA user_version`: a failed migration leaves the file at the previous version, never half-way.
 * Never edit a released migration; append a new one.
 */
import type Database from 'better-sqlite3';
import { LabError } from '../api/errors';
import { MIGRATION_2_OWNERS } from './migration-2-owners';
import { IMPORTED_RUNS_MIGRATION } from './migration-imported';

export interface Migration {
  version: number;
  name: string;
  /** For a table rebuild: foreign keys are switched off around the transaction and checked before it commits. */
  foreignKeysOff?: boolean;
  up(db: Database.Database): void;
}

/** `GLAB` in ASCII: marks the file as ours, so another application's SQLite file is refused, not adopted. */
export const APPLICATION_ID = 0x474c4142;

const STATUS_CHECK = "status IN ('queued','running','completed','stopped','diverged','failed','interrupted')";

const V1_SCHEMA = `
CREATE TABLE sweeps (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  base_spec  TEXT NOT NULL,
  grid       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE runs (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  spec          TEXT NOT NULL,
  spec_hash     TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (${STATUS_CHECK}),
  task          TEXT NOT NULL,
  cell          TEXT NOT NULL,
  activation    TEXT NOT NULL,
  init          TEXT NOT NULL,
  clip          TEXT NOT NULL,
  backend       TEXT,
  device        TEXT,
  created_at    TEXT NOT NULL,
  started_at    TEXT,
  ended_at      TEXT,
  heartbeat_at  TEXT,
  steps_done    INTEGER NOT NULL DEFAULT 0,
  steps_total   INTEGER NOT NULL,
  -- FinalMetrics as wire JSON (NaN-safe), exactly as reported.
  final         TEXT NOT NULL DEFAULT '{}',
  -- Sort keys only: the latest loss / horizon, or the final ones; NaN is NULL here (sorts last).
  sort_loss     REAL,
  sort_horizon  REAL,
  divergence_step   INTEGER,
  divergence_tensor TEXT,
  error         TEXT,
  note          TEXT NOT NULL DEFAULT '',
  sweep_id      TEXT REFERENCES sweeps(id) ON DELETE SET NULL
);
CREATE INDEX runs_created ON runs(created_at, id);
CREATE INDEX runs_status ON runs(status, heartbeat_at);
CREATE INDEX runs_sweep ON runs(sweep_id, spec_hash);
CREATE INDEX runs_hash ON runs(spec_hash);

CREATE TABLE tags (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag, run_id);

CREATE TABLE metrics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- A series is a list of chunks; each chunk's data is one Float64 blob [steps | values | wallMs] of n points.
-- Chunks are blob-sized rows, so they live in a rowid table (WITHOUT ROWID suits small rows only).
CREATE TABLE series_chunks (
  id         INTEGER PRIMARY KEY,
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  metric_id  INTEGER NOT NULL REFERENCES metrics(id),
  first_step INTEGER NOT NULL,
  last_step  INTEGER NOT NULL,
  n          INTEGER NOT NULL,
  data       BLOB NOT NULL
);
CREATE UNIQUE INDEX series_chunks_key ON series_chunks(run_id, metric_id, first_step);

-- Scalars are columns; nan_mask bit i marks scalar i as NaN (SQLite would store NULL, i.e. "absent").
CREATE TABLE profiles (
  run_id          TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step            INTEGER NOT NULL,
  layer           INTEGER NOT NULL,
  horizon         INTEGER NOT NULL,
  jacobian_bound  REAL,
  sigma_max       REAL,
  spectral_radius REAL,
  saturation      REAL,
  nan_mask        INTEGER NOT NULL DEFAULT 0,
  h_norms         BLOB NOT NULL,
  c_norms         BLOB,
  jacobian_norms  BLOB,
  PRIMARY KEY (run_id, step, layer)
);

CREATE TABLE checkpoints (
  id         INTEGER PRIMARY KEY,
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step       INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  data       BLOB NOT NULL
);
CREATE UNIQUE INDEX checkpoints_key ON checkpoints(run_id, step);
`;

/** One BullMQ job per time a run is handed to the cluster; one attempt per worker that took a job. */
const CLUSTER_SCHEMA = `
CREATE TABLE cluster_jobs (
  job_id     TEXT PRIMARY KEY,
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX cluster_jobs_run ON cluster_jobs(run_id);
CREATE TABLE run_attempts (
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  attempt    INTEGER NOT NULL,
  job_id     TEXT NOT NULL,
  worker     TEXT NOT NULL,
  host       TEXT NOT NULL,
  backend    TEXT NOT NULL,
  device     TEXT NOT NULL,
  from_step  INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (run_id, attempt)
);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, tags, sweeps, chunked series, gradient profiles, checkpoints',
    up(db) {
      db.exec(V1_SCHEMA);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  MIGRATION_2_OWNERS,
  IMPORTED_RUNS_MIGRATION,
  {
    version: 4,
    name: 'cluster jobs and the attempts that trained each run (worker, host, backend, device)',
    up(db) {
      db.exec(CLUSTER_SCHEMA);
    },
  },
  {
    // A lab can die between storing a run's end and deleting its job's Redis keys: the next one finds the
    // jobs whose keys were never cleared (existing rows included) and clears them.
    version: 5,
    name: "cluster jobs: whether the job's Redis keys were cleared after its run ended",
    up(db) {
      db.exec('ALTER TABLE cluster_jobs ADD COLUMN keys_cleared INTEGER NOT NULL DEFAULT 0');
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/** Applies every migration above the file's version; safe when two labs open the same new file at once. */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of ordered) {
    // IMMEDIATE takes the write lock before reading the version, so a concurrent opener waits and then skips.
    const apply = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= m.version) return;
      if (current !== m.version - 1) {
        throw new LabError(
          'unavailable',
          `Cannot migrate ${path} from schema version ${current} to ${m.version}: migration ${current + 1} is missing.`,
        );
      }
      m.up(db);
      if (m.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0)
        throw new Error('the rebuilt tables break a foreign key');
      db.pragma(`user_version = ${m.version}`);
    });
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched here, and back whatever happens.
    const fkWasOn = m.foreignKeysOff === true && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
    if (fkWasOn) db.pragma('foreign_keys = OFF');
    try {
      apply.immediate();
    } catch (e) {
      if (e instanceof LabError || (e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw e;
      throw new LabError(
        'internal',
        `Migration ${m.version} (${m.name}) of ${path} failed and was rolled back: ${(e as Error).message}`,
      );
    } finally {
      if (fkWasOn) db.pragma('foreign_keys = ON');
    }
  }
}
