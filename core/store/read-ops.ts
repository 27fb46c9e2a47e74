/**
 * The history's heavy reads, by name: what the reader threads run (reader-pool.ts) and what the lab runs on
 * its own thread when it has no readers. One implementation either way: each entry calls the store module
 * the LabStore method of the same name calls.
 */
import type { GradientProfile, Series } from '../api/records';
import type { StoreContext } from './db';
import { getProfiles, type ProfileQuery } from './profile-store';
import { listRuns, type RunPage, type RunQueryParsed } from './query';
import { getSeries, listMetricNames } from './series-store';
import { SeriesCache } from './series-cache';
import { sweepSummary, type SweepGroup } from './sweep-store';

export interface SeriesArgs {
  runId: string;
  metrics?: readonly string[];
  maxPoints?: number;
}

export interface SeriesManyArgs {
  runIds: readonly string[];
  metrics?: readonly string[];
  maxPoints: number;
}

export interface SeriesMany {
  runs: { runId: string; series: Series[] }[];
  missing: string[];
}

export interface ReadOps {
  listRuns(ctx: StoreContext, query: RunQueryParsed): RunPage;
  getSeries(ctx: StoreContext, args: SeriesArgs): Series[];
  getProfiles(ctx: StoreContext, args: { runId: string; options: ProfileQuery }): GradientProfile[];
  getSeriesMany(ctx: StoreContext, args: SeriesManyArgs): SeriesMany;
  sweepSummary(ctx: StoreContext, args: { sweepId: string; metric: string }): SweepGroup[];
}

export type ReadOpName = keyof ReadOps;
export type ReadArgs<K extends ReadOpName> = Parameters<ReadOps[K]>[1];
export type ReadResult<K extends ReadOpName> = ReturnType<ReadOps[K]>;

export const READ_OP_NAMES = [
  'listRuns',
  'getSeries',
  'getProfiles',
  'sweepSummary',
  'getSeriesMany',
] as const satisfies readonly ReadOpName[];

/**
 * Answers of one connection while the database is unchanged: `PRAGMA data_version` changes whenever another
 * connection commits, and a reader's connection never writes, so an answer kept under the same version is
 * exactly what a new read would give. A window polling its run list, or 100 clients asking for the same page,
 * cost one query between two of the lab's writes.
 */
export class UnchangedCache {
  private version: unknown = null;
  private readonly answers = new Map<string, unknown>();
  constructor(private readonly maxEntries = 64) {}

  get<T>(ctx: StoreContext, key: string, read: () => T): T {
    const version = ctx.db.pragma('data_version', { simple: true });
    if (version !== this.version) {
      this.answers.clear();
      this.version = version;
    }
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const answer = read();
    if (this.answers.size >= this.maxEntries) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, answer);
    return answer;
  }
}

/** The reads of one connection; thinned series of long runs are kept in `cache` between calls. */
export function createReadOps(cache = new SeriesCache()): ReadOps & { cache: SeriesCache } {
  const unchanged = new UnchangedCache();
  const seriesOf = (ctx: StoreContext, { runId, metrics, maxPoints }: SeriesArgs): Series[] => {
    if (maxPoints === undefined) return getSeries(ctx, runId, metrics ? { metrics } : {});
    const names = metrics ? [...metrics] : listMetricNames(ctx, runId);
    // Nothing to read: the direct read still answers not_found for an unknown run.
    if (names.length === 0) return getSeries(ctx, runId, { metrics: [] });
    return names.map((metric) => cache.get(ctx, runId, metric, maxPoints));
  };
  return {
    cache,
    listRuns: (ctx, query) => unchanged.get(ctx, `listRuns ${JSON.stringify(query)}`, () => listRuns(ctx, query)),
    getSeries: seriesOf,
    getSeriesMany: (ctx, { runIds, metrics, maxPoints }) =>
      seriesMany(ctx, runIds, (runId) => seriesOf(ctx, { runId, maxPoints, ...(metrics ? { metrics } : {}) })),
    getProfiles: (ctx, { runId, options }) => getProfiles(ctx, runId, options),
    sweepSummary: (ctx, { sweepId, metric }) =>
      unchanged.get(ctx, `sweepSummary ${JSON.stringify([sweepId, metric])}`, () => sweepSummary(ctx, sweepId, metric)),
  };
}

/** One answer for many runs: the ids with no run are listed, the others read one after another. */
export function seriesMany(
  ctx: StoreContext,
  runIds: readonly string[],
  read: (runId: string) => Series[],
): SeriesMany {
  const exists = ctx.stmt('SELECT 1 FROM runs WHERE id = ?');
  const runs: SeriesMany['runs'] = [];
  const missing: string[] = [];
  for (const runId of new Set(runIds)) {
    if (exists.get(runId)) runs.push({ runId, series: read(runId) });
    else missing.push(runId);
  }
  return { runs, missing };
}

export function isReadOp(name: string): name is ReadOpName {
  return (READ_OP_NAMES as readonly string[]).includes(name);
}
