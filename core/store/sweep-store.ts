/**
 * Sweeps: a base spec and a grid of values; the lab expands the grid into runs that carry the sweep id.
 * The summary groups a sweep's runs by spec hash (same hyper-parameters, different seeds) and aggregates a
 * metric per step, labelled by the grid values that tell the groups apart.
 */
import type { z } from 'zod';
import { LabError } from '../api/errors';
import type { SweepGroupSchema } from '../api/contract';
import type { ExperimentSpec } from '../api/spec';
import type { StoreContext } from './db';
import { newId } from './ids';
import { parseStoredSpec } from './run-rows';
import { readColumns } from './series-store';
import { canonicalJson, valueAtPath } from './spec-hash';
import { stepStats } from './sweep-stats';

export type SweepGroup = z.infer<typeof SweepGroupSchema>;
export type SweepGrid = Record<string, unknown[]>;

export interface SweepRecord {
  id: string;
  name: string;
  base: ExperimentSpec;
  grid: SweepGrid;
  createdAt: string;
}

export interface NewSweep {
  name?: string;
  /** Parsed already, as a run's spec is (run-store.ts NewRun). */
  base: ExperimentSpec;
  grid: SweepGrid;
  /** For imports; a fresh id otherwise. */
  id?: string;
}

export function createSweep(ctx: StoreContext, input: NewSweep, at: string): SweepRecord {
  const { base } = input;
  const record: SweepRecord = {
    id: input.id ?? newId(Date.parse(at)),
    name: input.name ?? base.name,
    base,
    grid: input.grid,
    createdAt: at,
  };
  ctx
    .stmt('INSERT INTO sweeps (id, name, base_spec, grid, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(record.id, record.name, JSON.stringify(base), JSON.stringify(record.grid), at);
  return record;
}

export function getSweep(ctx: StoreContext, id: string): SweepRecord {
  const row = ctx.stmt('SELECT id, name, base_spec, grid, created_at FROM sweeps WHERE id = ?').get(id) as
    { id: string; name: string; base_spec: string; grid: string; created_at: string } | undefined;
  if (!row) throw new LabError('not_found', `No sweep with id ${id}.`);
  return {
    id: row.id,
    name: row.name,
    base: parseStoredSpec(row.base_spec),
    grid: JSON.parse(row.grid) as SweepGrid,
    createdAt: row.created_at,
  };
}

/** Every sweep, newest first, with how many runs it has. */
export function listSweeps(ctx: StoreContext): (Omit<SweepRecord, 'base' | 'grid'> & { runCount: number })[] {
  return (
    ctx
      .stmt(
        'SELECT s.id, s.name, s.created_at, (SELECT count(*) FROM runs r WHERE r.sweep_id = s.id) AS run_count FROM sweeps s ORDER BY s.created_at DESC, s.id DESC',
      )
      .all() as { id: string; name: string; created_at: string; run_count: number }[]
  ).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, runCount: r.run_count }));
}

export function sweepExists(ctx: StoreContext, id: string): boolean {
  return ctx.stmt('SELECT 1 FROM sweeps WHERE id = ?').get(id) !== undefined;
}

/** Deletes a sweep record; its runs stay, detached (their sweep id becomes null). */
export function deleteSweep(ctx: StoreContext, id: string): void {
  if (ctx.stmt('DELETE FROM sweeps WHERE id = ?').run(id).changes === 0)
    throw new LabError('not_found', `No sweep with id ${id}.`);
}

const formatValue = (v: unknown): string => (typeof v === 'string' ? v : canonicalJson(v));

/** `key=value` for each grid key (seed and name aside) whose value differs between the groups. */
function labels(grid: SweepGrid, specs: readonly unknown[]): string[] {
  const keys = Object.keys(grid).filter((k) => k !== 'train.seed' && k !== 'name');
  const differing = keys.filter((k) => new Set(specs.map((s) => canonicalJson(valueAtPath(s, k)))).size > 1);
  return specs.map((s) =>
    differing.length ? differing.map((k) => `${k}=${formatValue(valueAtPath(s, k))}`).join(', ') : 'all runs',
  );
}

export function sweepSummary(ctx: StoreContext, sweepId: string, metric: string): SweepGroup[] {
  const sweep = getSweep(ctx, sweepId);
  const rows = ctx
    .stmt('SELECT id, spec_hash, spec FROM runs WHERE sweep_id = ? ORDER BY created_at, id')
    .all(sweepId) as {
    id: string;
    spec_hash: string;
    spec: string;
  }[];
  const groups = new Map<string, { runIds: string[]; spec: string }>();
  for (const r of rows) {
    const g = groups.get(r.spec_hash);
    if (g) g.runIds.push(r.id);
    else groups.set(r.spec_hash, { runIds: [r.id], spec: r.spec });
  }
  const entries = [...groups.entries()];
  const names = labels(
    sweep.grid,
    entries.map(([, g]) => JSON.parse(g.spec) as unknown),
  );
  return entries.map(([specHash, g], i) => ({
    specHash,
    label: names[i] as string,
    runIds: g.runIds,
    ...stepStats(g.runIds.map((id) => readColumns(ctx, id, metric))),
  }));
}
