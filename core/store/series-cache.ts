/**
 * Downsampled series of long runs, kept by a reader between calls: the Compare view and a polling window ask
 * for the same 1,000 points of a 1,000,000-point run again and again, and reading and thinning it costs tens
 * of milliseconds each time. An entry is used only while its metric's chunks are as they were (count, last
 * id, points, last step: one index lookup); the lab also drops a run's entries when it truncates its series
 * for a resume, the one write that can rebuild the same shape with other values.
 */
import type { Series } from '../api/records';
import type { StoreContext } from './db';
import { getSeries } from './series-store';

/** Series shorter than this are read afresh: caching them saves less than it costs. */
export const CACHE_MIN_POINTS = 20_000;

interface Entry {
  version: string;
  series: Series;
}

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  /** Bounded by entries and by the points they hold together. */
  constructor(
    private readonly maxEntries = 512,
    private readonly maxPoints = 2_000_000,
  ) {}

  private version(ctx: StoreContext, runId: string, metric: string): string {
    const row = ctx
      .stmt(
        `SELECT count(*) AS c, coalesce(max(id), 0) AS i, coalesce(sum(n), 0) AS n, coalesce(max(last_step), 0) AS s
         FROM series_chunks WHERE run_id = ? AND metric_id = (SELECT id FROM metrics WHERE name = ?)`,
      )
      .get(runId, metric) as { c: number; i: number; n: number; s: number };
    return `${row.c}:${row.i}:${row.n}:${row.s}`;
  }

  /** The series of one metric thinned to maxPoints, from the cache when its chunks have not changed. */
  get(ctx: StoreContext, runId: string, metric: string, maxPoints: number): Series {
    const key = `${runId}\u0000${metric}\u0000${maxPoints}`;
    const version = this.version(ctx, runId, metric);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit.series;
    }
    if (hit) this.drop(key, hit);
    const series = getSeries(ctx, runId, { metrics: [metric], maxPoints })[0]!;
    if (series.totalPoints >= CACHE_MIN_POINTS) this.put(key, { version, series });
    return series;
  }

  /** Forgets every entry of the run (its series were truncated or deleted). */
  invalidate(runId: string): void {
    const prefix = `${runId}\u0000`;
    for (const [key, entry] of this.entries) if (key.startsWith(prefix)) this.drop(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private put(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    this.held += entry.series.step.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.held <= this.maxPoints) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.delete(key)) this.held -= entry.series.step.length;
  }
}
