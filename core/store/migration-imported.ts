/**
 * Migration: runs imported from other tools. Adds `imported` to the status CHECK and a `source` column (JSON:
 * where an imported run came from). SQLite cannot alter a CHECK, so `runs` is rebuilt the documented way
 * (sqlite.org/lang_altertable.html, "other kinds of table schema changes"): with foreign keys off (the
 * runner does that, outside the transaction) a copy is made from the table's own stored SQL with only the
 * CHECK widened, so columns added by earlier migrations come along, then the old table is dropped and the
 * copy renamed. Children (tags, series, profiles, checkpoints) keep pointing at `runs` by name.
 */
import type { Migration } from './migrations';

const OLD_CHECK = "status IN ('queued','running','completed','stopped','diverged','failed','interrupted')";
const NEW_CHECK = "status IN ('queued','running','completed','stopped','diverged','failed','interrupted','imported')";

export const IMPORTED_RUNS_MIGRATION: Migration = {
  version: 3,
  name: "runs imported from TensorBoard: status 'imported' and a source column",
  foreignKeysOff: true,
  up(db) {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'runs'").pluck().get() as
      string | undefined;
    if (!sql || !sql.includes(OLD_CHECK))
      throw new Error('the runs table does not have the status CHECK this migration expects');
    const indexes = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(sql.replace(OLD_CHECK, NEW_CHECK).replace(/^CREATE TABLE "?runs"?/, 'CREATE TABLE runs_rebuilt'));
    db.exec('INSERT INTO runs_rebuilt SELECT * FROM runs');
    db.exec('DROP TABLE runs');
    db.exec('ALTER TABLE runs_rebuilt RENAME TO runs');
    for (const ix of indexes) db.exec(ix);
    db.exec('ALTER TABLE runs ADD COLUMN source TEXT');
  },
};
