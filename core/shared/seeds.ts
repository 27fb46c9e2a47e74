/**
 * Smoothing and seed aggregation: the one implementation behind the window's charts (live view, Compare)
 * and the exported figures, so the band on screen is the band in the paper.
 */

/**
 * Exponential moving average with TensorBoard's bias correction (so the curve does not start at 0).
 * `alpha` is the smoothing weight: 0 returns the values unchanged, 0.9 averages over ~10 points.
 * Non-finite values pass through as they are and do not enter the average, so gaps and divergence stay visible.
 */
export function ema(values: readonly number[], alpha: number): number[] {
  if (!(alpha > 0)) return [...values];
  const a = Math.min(alpha, 0.9999);
  const out: number[] = [];
  let acc = 0;
  let weight = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    acc = a * acc + (1 - a) * v;
    weight = a * weight + (1 - a);
    out.push(acc / weight);
  }
  return out;
}

/** Index of the largest x[i] ≤ v (x ascending), or -1. */
export function floorIndex(x: readonly number[], v: number): number {
  let lo = 0;
  let hi = x.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= v) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Index of the x nearest to v (x ascending), or -1 for an empty x. */
export function nearestIndex(x: readonly number[], v: number): number {
  if (!x.length) return -1;
  const i = floorIndex(x, v);
  if (i < 0) return 0;
  if (i >= x.length - 1) return x.length - 1;
  return Math.abs((x[i + 1] as number) - v) < Math.abs(v - (x[i] as number)) ? i + 1 : i;
}

/**
 * Linear interpolation of (x, y) at v; NaN outside x's range or next to a non-finite value (a diverged seed
 * must leave a gap, not an invented number).
 */
export function interpolateAt(x: readonly number[], y: readonly number[], v: number): number {
  const i = floorIndex(x, v);
  if (i < 0) return NaN;
  const x0 = x[i] as number;
  const y0 = y[i] as number;
  if (x0 === v) return y0;
  if (i >= x.length - 1) return NaN;
  const x1 = x[i + 1] as number;
  const y1 = y[i + 1] as number;
  if (!Number.isFinite(y0) || !Number.isFinite(y1)) return NaN;
  return y0 + ((y1 - y0) * (v - x0)) / (x1 - x0);
}

export interface MeanStd {
  x: number[];
  mean: number[];
  std: number[];
  /** Smallest and largest member value at each x (NaN where none is finite). */
  min: number[];
  max: number[];
  /** How many members had a finite value at each x. */
  n: number[];
}

type Member = { x: readonly number[]; y: readonly number[] };

/**
 * Mean ± sample standard deviation (and min–max) across members, e.g. seeds of one spec.
 *
 * The rule: x is the union of every member's x values, and each member is linearly interpolated there
 * (inside its own x range only). Why: the store downsamples each seed's series on its own (LTTB keeps
 * different steps per seed), so aligning exact steps would average a different subset of seeds at
 * neighbouring x and make the band jump; interpolating onto only one member's steps would drop the other
 * seeds' recorded extremes. A member outside its range, or next to a NaN/Inf (a diverged seed), does not
 * count at that x; where no member counts, mean and std are NaN (a gap).
 */
export function meanStd(members: readonly Member[]): MeanStd {
  const sorted = members.map((m) => clean(m));
  const grid = [...new Set(sorted.flatMap((m) => m.x))].sort((a, b) => a - b);
  const out: MeanStd = { x: grid, mean: [], std: [], min: [], max: [], n: [] };
  for (const v of grid) {
    const ys = sorted.map((m) => interpolateAt(m.x, m.y, v)).filter(Number.isFinite);
    const k = ys.length;
    const mean = k ? ys.reduce((s, y) => s + y, 0) / k : NaN;
    const variance = k > 1 ? ys.reduce((s, y) => s + (y - mean) ** 2, 0) / (k - 1) : k === 1 ? 0 : NaN;
    out.mean.push(mean);
    out.std.push(Math.sqrt(variance));
    out.min.push(k ? Math.min(...ys) : NaN);
    out.max.push(k ? Math.max(...ys) : NaN);
    out.n.push(k);
  }
  return out;
}

/** A member's points with finite x, in ascending x (interpolation needs them so). */
function clean(m: Member): { x: number[]; y: number[] } {
  const n = Math.min(m.x.length, m.y.length);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(m.x[i])) idx.push(i);
  idx.sort((a, b) => (m.x[a] as number) - (m.x[b] as number));
  return { x: idx.map((i) => m.x[i] as number), y: idx.map((i) => m.y[i] as number) };
}

export type BandKind = 'std' | 'minmax';

/** The band drawn around a seed mean: ± one sample std, or the seeds' min–max. */
export function seedBand(agg: MeanStd, kind: BandKind): { lo: number[]; hi: number[] } {
  if (kind === 'minmax') return { lo: [...agg.min], hi: [...agg.max] };
  return { lo: agg.mean.map((m, i) => m - (agg.std[i] ?? 0)), hi: agg.mean.map((m, i) => m + (agg.std[i] ?? 0)) };
}
