/**
 * Listing and searching runs for the UI: filters become one WHERE clause with bound parameters (the SQL text
 * depends only on which filters are set, so the statement cache stays small), sorted, paged, with the total.
 */
import type { z } from 'zod';
import type { RunQuerySchema } from '../api/contract';
import type { RunSummary } from '../api/records';
import type { StoreContext } from './db';
import { SUMMARY_COLUMNS, summaryFromRow, type RunRow } from './run-rows';
import { tagsOfMany } from './run-store';

export type RunQueryParsed = z.output<typeof RunQuerySchema>;

export interface RunPage {
  runs: RunSummary[];
  /** Runs matching the filters, ignoring limit and offset. */
  total: number;
}

const SORT_COLUMN: Record<RunQueryParsed['sort'], string> = {
  createdAt: 'created_at',
  name: 'name COLLATE NOCASE',
  status: 'status',
  finalLoss: 'sort_loss',
  horizon: 'sort_horizon',
};

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Timestamps are compared as strings, so bounds are normalised to the stored `toISOString()` form. */
const isoBound = (s: string): string => new Date(s).toISOString();

function whereClause(q: Partial<RunQueryParsed>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  const text = q.text?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    parts.push(
      `(name LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\' OR id = ? OR EXISTS (SELECT 1 FROM tags t WHERE t.run_id = runs.id AND t.tag LIKE ? ESCAPE '\\'))`,
    );
    params.push(like, like, text, like);
  }
  inList('status', q.status);
  inList('task', q.task);
  inList('cell', q.cell);
  inList('activation', q.activation);
  inList('init', q.init);
  if (q.tag && q.tag.length > 0) {
    // Every tag asked for must be present (narrowing, like the other filters).
    for (const tag of q.tag) {
      parts.push('EXISTS (SELECT 1 FROM tags t WHERE t.run_id = runs.id AND t.tag = ?)');
      params.push(tag);
    }
  }
  if (q.sweepId !== undefined) {
    parts.push('sweep_id = ?');
    params.push(q.sweepId);
  }
  if (q.createdAfter) {
    parts.push('created_at >= ?');
    params.push(isoBound(q.createdAfter));
  }
  if (q.createdBefore) {
    parts.push('created_at <= ?');
    params.push(isoBound(q.createdBefore));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listRuns(ctx: StoreContext, q: RunQueryParsed): RunPage {
  const { sql: where, params } = whereClause(q);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  // Runs without a loss or horizon yet sort last either way; ties fall back to newest first, then id.
  // Sorting by creation walks the (created_at, id) index backwards or forwards: no sort step at all.
  const order =
    q.sort === 'createdAt'
      ? `ORDER BY created_at ${dir}, id ${dir}`
      : `ORDER BY ${SORT_COLUMN[q.sort]} ${dir} NULLS LAST, created_at DESC, id DESC`;
  const total = ctx
    .stmt(`SELECT count(*) FROM runs ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = ctx
    .stmt(`SELECT ${SUMMARY_COLUMNS} FROM runs ${where} ${order} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as RunRow[];
  const tags = tagsOfMany(
    ctx,
    rows.map((r) => r.id),
  );
  return { runs: rows.map((r) => summaryFromRow(r, tags.get(r.id) ?? [])), total };
}

/** Ids of every run matching the filters (no paging): for bulk export or delete. */
export function matchingRunIds(ctx: StoreContext, q: Partial<RunQueryParsed>): string[] {
  const { sql: where, params } = whereClause(q);
  return ctx
    .stmt(`SELECT id FROM runs ${where} ORDER BY created_at, id`)
    .pluck()
    .all(...params) as string[];
}
