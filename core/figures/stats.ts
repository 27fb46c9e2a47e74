/** Smoothing and seed-aggregation helpers, shared by the figure adapters and the UI's live charts. */

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

/**
 * Mean ± sample standard deviation across members (e.g. seeds of one spec), aligned on equal x values.
 * A member missing a point, or holding NaN/Inf there (a diverged seed), simply does not count at that x;
 * where no member has a finite value, mean and std are NaN (a gap).
 */
export function meanStd(members: readonly { x: readonly number[]; y: readonly number[] }[]): MeanStd {
  const buckets = new Map<number, number[]>();
  for (const m of members) {
    const n = Math.min(m.x.length, m.y.length);
    for (let i = 0; i < n; i++) {
      const x = m.x[i] as number;
      if (!Number.isFinite(x)) continue;
      const list = buckets.get(x) ?? [];
      const y = m.y[i] as number;
      if (Number.isFinite(y)) list.push(y);
      buckets.set(x, list);
    }
  }
  const xs = [...buckets.keys()].sort((a, b) => a - b);
  const out: MeanStd = { x: xs, mean: [], std: [], min: [], max: [], n: [] };
  for (const x of xs) {
    const ys = buckets.get(x) ?? [];
    const k = ys.length;
    const mean = k ? ys.reduce((s, v) => s + v, 0) / k : NaN;
    const variance = k > 1 ? ys.reduce((s, v) => s + (v - mean) ** 2, 0) / (k - 1) : k === 1 ? 0 : NaN;
    out.mean.push(mean);
    out.std.push(Math.sqrt(variance));
    out.min.push(k ? Math.min(...ys) : NaN);
    out.max.push(k ? Math.max(...ys) : NaN);
    out.n.push(k);
  }
  return out;
}

/** A short, locale-free rendering of a number for labels ("0.1667", "1e-05" → "1e−5"). */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 1e-3 && abs < 1e6) s = String(Number(v.toPrecision(digits)));
  else {
    const [m, e] = v.toExponential(digits - 1).split('e');
    s = `${String(Number(m))}e${Number(e)}`;
  }
  return s.replace(/-/g, '\u2212');
}
