/**
 * Schema version 2: each run records its owner (the lab process training it), for the at-once dead-owner
 * check; and each open lab has a row in lab_sessions, so maintenance (VACUUM) can tell a lab has the file open.
 */
import type { Migration } from './migrations';

export const MIGRATION_2_OWNERS: Migration = {
  version: 2,
  name: 'run owners (host, pid, boot id) and open lab sessions',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN owner_host TEXT;
      ALTER TABLE runs ADD COLUMN owner_pid  INTEGER;
      ALTER TABLE runs ADD COLUMN owner_boot TEXT;
      CREATE TABLE lab_sessions (
        id           TEXT PRIMARY KEY,
        host         TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        boot         TEXT NOT NULL,
        mode         TEXT NOT NULL,
        opened_at    TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `);
  },
};
