/** Run records: create, lifecycle (start, heartbeat, finish, stale → interrupted), rename, tags, note, delete. */
import type { z } from 'zod';
import { LabError } from '../api/errors';
import type { ExperimentSpec } from '../api/spec';
import type { DivergenceSchema, FinalMetrics, RunDetail, RunStatus, RunSummary } from '../api/records';
import { toWire } from '../shared/wire';
import type { StoreContext } from './db';
import { newId } from './ids';
import {
  SUMMARY_COLUMNS,
  detailFromRow,
  specColumns,
  summaryFromRow,
  type RunDetailRow,
  type RunRow,
} from './run-rows';
import { specHash } from './spec-hash';
import { listMetricNames } from './series-store';
import { latestCheckpointStep } from './checkpoint-store';

export type Divergence = z.infer<typeof DivergenceSchema>;

export interface NewRun {
  /**
   * Parsed already, at the trust boundary that let it in (the dispatcher, a bundle's import, the CLI's spec
   * file): the store writes the full spec it is given and never parses it again.
   */
  spec: ExperimentSpec;
  /** Defaults to `spec.name`. */
  name?: string;
  sweepId?: string | null;
  tags?: string[];
  note?: string;
  /** For imports; a fresh id otherwise. */
  id?: string;
}

export type EndStatus = Exclude<RunStatus, 'queued' | 'running'>;

export interface RunEnd {
  status: EndStatus;
  final?: FinalMetrics;
  divergence?: Divergence | null;
  error?: string | null;
}

const TAG_MAX = 64;

export function normaliseTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const tag = t.trim();
    if (tag.length === 0 || tag.length > TAG_MAX)
      throw new LabError('invalid_argument', `A tag must have 1 to ${TAG_MAX} characters: "${t}".`);
    out.add(tag);
  }
  return [...out];
}

export function createRun(ctx: StoreContext, input: NewRun, at: string): RunSummary {
  const { spec } = input;
  const id = input.id ?? newId(Date.parse(at));
  const tags = normaliseTags(input.tags ?? []);
  ctx.db
    .transaction(() => {
      if (input.sweepId != null && !ctx.stmt('SELECT 1 FROM sweeps WHERE id = ?').get(input.sweepId)) {
        throw new LabError('not_found', `No sweep with id ${input.sweepId}.`);
      }
      ctx
        .stmt(
          `INSERT INTO runs (id, name, spec, spec_hash, seed, status, task, cell, activation, init, clip, created_at, heartbeat_at, steps_total, note, sweep_id)
         VALUES (@id, @name, @spec, @hash, @seed, 'queued', @task, @cell, @activation, @init, @clip, @at, @at, @stepsTotal, @note, @sweepId)`,
        )
        .run({
          id,
          name: input.name ?? spec.name,
          spec: JSON.stringify(spec),
          hash: specHash(spec),
          seed: spec.train.seed,
          ...specColumns(spec),
          at,
          stepsTotal: spec.train.steps,
          note: input.note ?? '',
          sweepId: input.sweepId ?? null,
        });
      const addTag = ctx.stmt('INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)');
      for (const t of tags) addTag.run(id, t);
    })
    .immediate();
  return getSummary(ctx, id);
}

export function runExists(ctx: StoreContext, id: string): boolean {
  return ctx.stmt('SELECT 1 FROM runs WHERE id = ?').get(id) !== undefined;
}

function requireRun(ctx: StoreContext, id: string): void {
  if (!runExists(ctx, id)) throw new LabError('not_found', `No run with id ${id}.`);
}

export function tagsOf(ctx: StoreContext, id: string): string[] {
  return ctx.stmt('SELECT tag FROM tags WHERE run_id = ? ORDER BY tag').pluck().all(id) as string[];
}

/** Tags of many runs in one query. */
export function tagsOfMany(ctx: StoreContext, ids: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = ctx
    .stmt('SELECT run_id, tag FROM tags WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY run_id, tag')
    .all(JSON.stringify(ids)) as { run_id: string; tag: string }[];
  for (const r of rows) map.get(r.run_id)?.push(r.tag);
  return map;
}

export function getSummary(ctx: StoreContext, id: string): RunSummary {
  const row = ctx.stmt(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
  if (!row) throw new LabError('not_found', `No run with id ${id}.`);
  return summaryFromRow(row, tagsOf(ctx, id));
}

export function getDetail(ctx: StoreContext, id: string): RunDetail {
  const row = ctx.stmt(`SELECT ${SUMMARY_COLUMNS}, spec, source, heartbeat_at FROM runs WHERE id = ?`).get(id) as
    RunDetailRow | undefined;
  if (!row) throw new LabError('not_found', `No run with id ${id}.`);
  return detailFromRow(row, tagsOf(ctx, id), listMetricNames(ctx, id), latestCheckpointStep(ctx, id));
}

/** Starting (or resuming) clears what a previous end left: end time, error, divergence, final metrics. */
export function markStarted(
  ctx: StoreContext,
  id: string,
  engine: { backend: string; device: string },
  at: string,
): RunSummary {
  requireRun(ctx, id);
  ctx
    .stmt(
      `UPDATE runs SET status = 'running', backend = ?, device = ?, started_at = COALESCE(started_at, ?), heartbeat_at = ?,
         ended_at = NULL, error = NULL, divergence_step = NULL, divergence_tensor = NULL, final = '{}' WHERE id = ?`,
    )
    .run(engine.backend, engine.device, at, at, id);
  return getSummary(ctx, id);
}

/** Back to the queue (e.g. before a resume); the run's data stays. */
/** Queued again (a resume): its heartbeat restarts, so a lab opening meanwhile sees it is owned. */
export function markQueued(ctx: StoreContext, id: string, at: string): RunSummary {
  requireRun(ctx, id);
  ctx.stmt("UPDATE runs SET status = 'queued', heartbeat_at = ? WHERE id = ?").run(at, id);
  return getSummary(ctx, id);
}

export function heartbeat(ctx: StoreContext, id: string, at: string): void {
  ctx.stmt('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(at, id);
}

/** The owning lab's beat for runs waiting in its queue. */
export function heartbeatMany(ctx: StoreContext, ids: readonly string[], at: string): void {
  if (ids.length === 0) return;
  const beat = ctx.stmt("UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status = 'queued'");
  ctx.db.transaction(() => ids.forEach((id) => beat.run(at, id)))();
}

/** Runs that were waiting in a queue that will never start them (the lab closes): interrupted, resumable. */
export function interruptQueued(ctx: StoreContext, ids: readonly string[], reason: string, at: string): RunSummary[] {
  const mark = ctx.stmt(
    "UPDATE runs SET status = 'interrupted', ended_at = ?, error = ? WHERE id = ? AND status = 'queued'",
  );
  const done = ctx.db.transaction(() => ids.filter((id) => mark.run(at, reason, id).changes > 0)).immediate();
  return done.map((id) => getSummary(ctx, id));
}

const finiteOrNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

export function finishRun(ctx: StoreContext, id: string, end: RunEnd, at: string): RunSummary {
  requireRun(ctx, id);
  const final = end.final ?? {};
  ctx
    .stmt(
      `UPDATE runs SET status = @status, ended_at = @at, heartbeat_at = @at, final = @final, error = @error,
         divergence_step = @divStep, divergence_tensor = @divTensor,
         sort_loss = CASE WHEN @hasLoss THEN @loss ELSE sort_loss END,
         sort_horizon = CASE WHEN @hasHorizon THEN @horizon ELSE sort_horizon END,
         steps_done = COALESCE(@steps, steps_done)
       WHERE id = @id`,
    )
    .run({
      id,
      status: end.status,
      at,
      final: toWire(final),
      error: end.error ?? null,
      divStep: end.divergence?.step ?? null,
      divTensor: end.divergence?.tensor ?? null,
      hasLoss: final.loss === undefined ? 0 : 1,
      loss: finiteOrNull(final.loss),
      hasHorizon: final.horizon === undefined ? 0 : 1,
      horizon: finiteOrNull(final.horizon),
      steps: final.steps ?? null,
    });
  return getSummary(ctx, id);
}

export function renameRun(ctx: StoreContext, id: string, name: string): RunSummary {
  const clean = name.trim();
  if (clean.length === 0 || clean.length > 200)
    throw new LabError('invalid_argument', 'A run name must have 1 to 200 characters.');
  requireRun(ctx, id);
  ctx.stmt('UPDATE runs SET name = ? WHERE id = ?').run(clean, id);
  return getSummary(ctx, id);
}

export function tagRun(ctx: StoreContext, id: string, add: readonly string[], remove: readonly string[]): RunSummary {
  const toAdd = normaliseTags(add);
  const toRemove = normaliseTags(remove);
  requireRun(ctx, id);
  ctx.db
    .transaction(() => {
      for (const t of toRemove) ctx.stmt('DELETE FROM tags WHERE run_id = ? AND tag = ?').run(id, t);
      for (const t of toAdd) ctx.stmt('INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)').run(id, t);
    })
    .immediate();
  return getSummary(ctx, id);
}

export function noteRun(ctx: StoreContext, id: string, note: string): RunSummary {
  requireRun(ctx, id);
  ctx.stmt('UPDATE runs SET note = ? WHERE id = ?').run(note, id);
  return getSummary(ctx, id);
}

/** Deletes the run and, by cascade, its tags, series, profiles and checkpoints. */
export function deleteRun(ctx: StoreContext, id: string): void {
  const info = ctx.stmt('DELETE FROM runs WHERE id = ?').run(id);
  if (info.changes === 0) throw new LabError('not_found', `No run with id ${id}.`);
}

/**
 * Runs left `running` whose heartbeat is older than `staleMs` (a crashed host) become `interrupted`; their
 * end time is their last heartbeat, the last moment they were known alive. Returns them.
 */
export function markStale(
  ctx: StoreContext,
  staleMs: number,
  now: Date,
  exclude: ReadonlySet<string> = new Set(),
): RunSummary[] {
  const cutoff = new Date(now.getTime() - staleMs).toISOString();
  const ids = ctx.db
    .transaction(() => {
      const stale = ctx
        .stmt(
          "SELECT id, status FROM runs WHERE status IN ('running', 'queued') AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
        )
        .all(cutoff) as { id: string; status: string }[];
      const orphans = stale.filter((r) => !exclude.has(r.id));
      const mark = ctx.stmt(
        "UPDATE runs SET status = 'interrupted', ended_at = COALESCE(heartbeat_at, started_at, ?), error = COALESCE(error, ?) WHERE id = ?",
      );
      for (const r of orphans) {
        mark.run(
          now.toISOString(),
          r.status === 'running'
            ? 'The lab stopped while this run was running.'
            : 'The lab stopped before this run started.',
          r.id,
        );
      }
      return orphans.map((r) => r.id);
    })
    .immediate();
  return ids.map((id) => getSummary(ctx, id));
}
