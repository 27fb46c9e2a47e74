/**
 * Curve arithmetic for the Compare charts: EMA smoothing (the exported figures' own function, so the window
 * and the paper smooth alike), resampling onto a shared grid, and seed aggregation.
 */
import { ema } from '../../../core/figures/stats';

export { ema };

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

export type Aggregate = 'std' | 'minmax';

export interface Band {
  x: number[];
  mean: number[];
  lo: number[];
  hi: number[];
  /** Members with a finite value at each x. */
  n: number[];
}

/**
 * Mean with a ± std or min–max band across members (seeds). Downsampled series of different seeds keep
 * different steps, so every member is interpolated onto the densest member's grid first.
 */
export function aggregate(members: readonly { x: readonly number[]; y: readonly number[] }[], mode: Aggregate): Band {
  const grid = [...(members.reduce<{ x: readonly number[] } | undefined>((a, m) => (!a || m.x.length > a.x.length ? m : a), undefined)?.x ?? [])];
  const out: Band = { x: grid, mean: [], lo: [], hi: [], n: [] };
  for (const v of grid) {
    const ys = members.map((m) => interpolateAt(m.x, m.y, v)).filter(Number.isFinite);
    const k = ys.length;
    const mean = k ? ys.reduce((s, y) => s + y, 0) / k : NaN;
    out.mean.push(mean);
    out.n.push(k);
    if (mode === 'minmax') {
      out.lo.push(k ? Math.min(...ys) : NaN);
      out.hi.push(k ? Math.max(...ys) : NaN);
    } else {
      const sd = k > 1 ? Math.sqrt(ys.reduce((s, y) => s + (y - mean) ** 2, 0) / (k - 1)) : k === 1 ? 0 : NaN;
      out.lo.push(mean - sd);
      out.hi.push(mean + sd);
    }
  }
  return out;
}
