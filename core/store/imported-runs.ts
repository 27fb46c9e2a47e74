/**
 * Runs brought in from other tools (TensorBoard): status `imported`, no spec, a `source`. Their series are
 * stored like the lab's own, so every view and figure reads them the same way. One transaction for all of
 * them: an import that fails half-way stores nothing.
 */
import { createHash } from 'node:crypto';
import { LabError } from '../api/errors';
import { ImportSourceSchema, type ImportSource, type RunSummary } from '../api/records';
import type { StoreContext } from './db';
import { newId } from './ids';
import { getSummary } from './run-store';
import { appendColumn } from './series-store';

export interface ImportedSeries {
  metric: string;
  step: number[];
  value: number[];
  /** Milliseconds since the run's start, as the lab stores its own. */
  wallMs: number[];
}

export interface ImportedRun {
  name: string;
  /** The seed the run's name carries (0 if none): runs of one group differ only by it. */
  seed: number;
  /** Runs with the same key are seeds of one configuration (Compare's bands group them by it). */
  groupKey: string;
  startedAt: string;
  endedAt: string;
  source: ImportSource;
  series: ImportedSeries[];
}

const IMPORTED = 'tensorboard';

/** Inserts every run in one transaction; returns their summaries. */
export function insertImportedRuns(ctx: StoreContext, items: readonly ImportedRun[], at: string): RunSummary[] {
  const ids = ctx.db
    .transaction(() =>
      items.map((r) => {
        const source = ImportSourceSchema.parse(r.source);
        const id = newId(Date.parse(at));
        const steps = r.series.flatMap((s) => (s.step.length ? [s.step.at(-1) as number] : []));
        const last = steps.length ? Math.max(...steps) : 0;
        const lossValue = r.series.find((s) => s.metric === 'loss')?.value.at(-1);
        const final = lossValue === undefined ? {} : { loss: lossValue, steps: last };
        ctx
          .stmt(
            `INSERT INTO runs (id, name, spec, spec_hash, seed, status, task, cell, activation, init, clip, created_at, started_at, ended_at,
               heartbeat_at, steps_done, steps_total, final, sort_loss, source)
             VALUES (@id, @name, 'null', @hash, @seed, 'imported', @task, '', '', '', '', @at, @startedAt, @endedAt, @at, @steps, @steps, @final, @sortLoss, @source)`,
          )
          .run({
            id,
            name: r.name,
            hash: `${IMPORTED}:${createHash('sha256').update(r.groupKey).digest('hex').slice(0, 16)}`,
            seed: r.seed,
            task: IMPORTED,
            at,
            startedAt: r.startedAt,
            endedAt: r.endedAt,
            steps: last,
            final: JSON.stringify(final),
            sortLoss: lossValue === undefined || !Number.isFinite(lossValue) ? null : lossValue,
            source: JSON.stringify(source),
          });
        for (const s of r.series) {
          try {
            appendColumn(ctx, id, s.metric, s.step, s.value, s.wallMs);
          } catch (e) {
            throw new LabError('invalid_argument', `Run ${r.name}, series ${s.metric}: ${(e as Error).message}`);
          }
        }
        return id;
      }),
    )
    .immediate();
  return ids.map((id) => getSummary(ctx, id));
}
