/**
 * Gradient profiles: one row per (run, probe step, layer). Per-time-step norms are Float64 blobs (NaN-exact);
 * the optional scalars are REAL columns where NULL means "not measured" and `nan_mask` marks a measured NaN.
 */
import { LabError } from '../api/errors';
import type { GradientProfile, LayerProfile } from '../api/records';
import type { StoreContext } from './db';
import { arrayToBlob, blobToArray } from './float-blob';
import { profileScalars } from './profile-scalars';
import { appendColumn, readWallAt } from './series-store';

const SCALARS = ['jacobianBound', 'sigmaMax', 'spectralRadius', 'saturation'] as const;

interface ProfileRow {
  step: number;
  layer: number;
  horizon: number;
  jacobian_bound: number | null;
  sigma_max: number | null;
  spectral_radius: number | null;
  saturation: number | null;
  nan_mask: number;
  h_norms: Buffer;
  c_norms: Buffer | null;
  jacobian_norms: Buffer | null;
}

const COLUMN: Record<(typeof SCALARS)[number], keyof ProfileRow> = {
  jacobianBound: 'jacobian_bound',
  sigmaMax: 'sigma_max',
  spectralRadius: 'spectral_radius',
  saturation: 'saturation',
};

/**
 * Stores a profile (replacing one at the same step) and appends its derived scalar series at the same step.
 * `wallMs` defaults to the wall time of the run's latest loss point at or before the step.
 */
/** Writes a profile's rows (replacing any at the same step), without derived series. Call inside a transaction. */
export function insertProfile(ctx: StoreContext, runId: string, profile: GradientProfile): void {
  ctx.stmt('DELETE FROM profiles WHERE run_id = ? AND step = ?').run(runId, profile.step);
  const insert = ctx.stmt(
    `INSERT INTO profiles (run_id, step, layer, horizon, jacobian_bound, sigma_max, spectral_radius, saturation, nan_mask, h_norms, c_norms, jacobian_norms)
     VALUES (@runId, @step, @layer, @horizon, @jacobianBound, @sigmaMax, @spectralRadius, @saturation, @nanMask, @h, @c, @j)`,
  );
  for (const l of profile.layers) {
    let nanMask = 0;
    const scalars: Record<string, number | null> = {};
    SCALARS.forEach((name, bit) => {
      const v = l[name];
      if (v !== undefined && Number.isNaN(v)) nanMask |= 1 << bit;
      scalars[name] = v === undefined || Number.isNaN(v) ? null : v;
    });
    insert.run({
      runId,
      step: profile.step,
      layer: l.layer,
      horizon: l.horizon,
      ...scalars,
      nanMask,
      h: arrayToBlob(l.hNorms),
      c: l.cNorms ? arrayToBlob(l.cNorms) : null,
      j: l.jacobianNorms ? arrayToBlob(l.jacobianNorms) : null,
    });
  }
}

/**
 * Stores a profile (replacing one at the same step) and appends its derived scalar series (profile-scalars.ts)
 * at the same step. `wallMs` defaults to the wall time of the run's latest loss point at or before the step.
 */
export function saveProfile(ctx: StoreContext, runId: string, profile: GradientProfile, wallMs?: number): void {
  saveProfiles(ctx, runId, [{ profile, ...(wallMs !== undefined ? { wallMs } : {}) }]);
}

/**
 * Many profiles in one transaction, their derived series appended one column per metric: a run probed every
 * step writes hundreds of profiles per flush, and per-profile transactions would each rewrite the series'
 * tail chunks. Profiles come in step order.
 */
export function saveProfiles(
  ctx: StoreContext,
  runId: string,
  items: readonly { profile: GradientProfile; wallMs?: number }[],
): void {
  if (items.length === 0) return;
  ctx.db
    .transaction(() => {
      if (!ctx.stmt('SELECT 1 FROM runs WHERE id = ?').get(runId))
        throw new LabError('not_found', `No run with id ${runId}.`);
      const columns = new Map<string, { step: number[]; value: number[]; wall: number[] }>();
      for (const { profile, wallMs } of items) {
        insertProfile(ctx, runId, profile);
        const wall = wallMs ?? readWallAt(ctx, runId, profile.step);
        const byMetric = new Map<string, number>();
        for (const p of profileScalars(profile)) byMetric.set(p.metric, p.value);
        for (const [metric, value] of byMetric) {
          let c = columns.get(metric);
          if (!c) columns.set(metric, (c = { step: [], value: [], wall: [] }));
          c.step.push(profile.step);
          c.value.push(value);
          c.wall.push(wall);
        }
      }
      for (const [metric, c] of columns) appendColumn(ctx, runId, metric, c.step, c.value, c.wall, true);
      const first = items[items.length - 1]!.profile.layers.find((l) => l.layer === 0);
      if (first) ctx.stmt('UPDATE runs SET sort_horizon = ? WHERE id = ?').run(first.horizon, runId);
    })
    .immediate();
}

function layerFromRow(r: ProfileRow): LayerProfile {
  const layer: LayerProfile = { layer: r.layer, hNorms: blobToArray(r.h_norms), horizon: r.horizon };
  if (r.c_norms) layer.cNorms = blobToArray(r.c_norms);
  if (r.jacobian_norms) layer.jacobianNorms = blobToArray(r.jacobian_norms);
  SCALARS.forEach((name, bit) => {
    const v = r[COLUMN[name]] as number | null;
    if (r.nan_mask & (1 << bit)) layer[name] = Number.NaN;
    else if (v !== null) layer[name] = v;
  });
  return layer;
}

/** Profiles of a run in step order: all, those at `steps`, or (latest) only the last one. */
export interface ProfileQuery {
  steps?: readonly number[];
  latest?: boolean;
  /** At most this many profiles, evenly spaced over the run's probes, the first and the latest always kept. */
  max?: number;
}

/** `max` of `all` step values, evenly spaced by index, both ends kept. */
export function evenlySpaced(all: readonly number[], max: number): number[] {
  if (all.length <= max) return [...all];
  if (max <= 1) return all.length ? [all[all.length - 1]!] : [];
  const out: number[] = [];
  for (let i = 0; i < max; i++) out.push(all[Math.round((i * (all.length - 1)) / (max - 1))]!);
  return out;
}

export function getProfiles(ctx: StoreContext, runId: string, options: ProfileQuery = {}): GradientProfile[] {
  if (!ctx.stmt('SELECT 1 FROM runs WHERE id = ?').get(runId))
    throw new LabError('not_found', `No run with id ${runId}.`);
  if (options.max !== undefined && !options.latest) {
    // A run probed every step can hold 100,000 profiles: choose the steps first, then read only those.
    let steps = (
      ctx.stmt('SELECT DISTINCT step FROM profiles WHERE run_id = ? ORDER BY step').all(runId) as { step: number }[]
    ).map((r) => r.step);
    if (options.steps) {
      const wanted = new Set(options.steps);
      steps = steps.filter((x) => wanted.has(x));
    }
    return getProfiles(ctx, runId, { steps: evenlySpaced(steps, options.max) });
  }
  let rows: ProfileRow[];
  if (options.latest) {
    rows = ctx
      .stmt(
        'SELECT * FROM profiles WHERE run_id = ? AND step = (SELECT MAX(step) FROM profiles WHERE run_id = ?) ORDER BY layer',
      )
      .all(runId, runId) as ProfileRow[];
  } else if (options.steps) {
    rows = ctx
      .stmt('SELECT * FROM profiles WHERE run_id = ? AND step IN (SELECT value FROM json_each(?)) ORDER BY step, layer')
      .all(runId, JSON.stringify(options.steps)) as ProfileRow[];
  } else {
    rows = ctx.stmt('SELECT * FROM profiles WHERE run_id = ? ORDER BY step, layer').all(runId) as ProfileRow[];
  }
  const out: GradientProfile[] = [];
  for (const r of rows) {
    let last = out[out.length - 1];
    if (!last || last.step !== r.step) out.push((last = { step: r.step, layers: [] }));
    last.layers.push(layerFromRow(r));
  }
  return out;
}

/** Drops profiles after `step`. Call inside a transaction. */
export function truncateProfilesAfter(ctx: StoreContext, runId: string, step: number): void {
  ctx.stmt('DELETE FROM profiles WHERE run_id = ? AND step > ?').run(runId, step);
}
