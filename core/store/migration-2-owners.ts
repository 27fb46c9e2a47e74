/** Schema version 2: each run records its owner (the lab process training it), for the at-once dead-owner check. */
import type { Migration } from './migrations';

export const MIGRATION_2_OWNERS: Migration = {
  version: 2,
  name: 'run owners (host, pid, boot id)',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN owner_host TEXT;
      ALTER TABLE runs ADD COLUMN owner_pid  INTEGER;
      ALTER TABLE runs ADD COLUMN owner_boot TEXT;
    `);
  },
};
