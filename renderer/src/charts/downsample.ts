/**
 * Display decimation: at most ~`maxPoints` points per series, keeping each bucket's minimum and maximum so a
 * single gradient spike or a loss jump survives (averaging would hide exactly what a researcher looks for).
 * Non-finite values are dropped here; divergence is drawn as its own marker.
 */
export interface XY {
  x: number;
  y: number;
}

export function decimate(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  maxPoints = 800,
  keep: (y: number) => boolean = Number.isFinite,
): XY[] {
  const n = Math.min(xs.length, ys.length);
  const out: XY[] = [];
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) {
      const y = ys[i] as number;
      if (keep(y)) out.push({ x: xs[i] as number, y });
    }
    return out;
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let iMin = -1;
    let iMax = -1;
    for (let i = start; i < end; i++) {
      const y = ys[i] as number;
      if (!keep(y)) continue;
      if (iMin < 0 || y < (ys[iMin] as number)) iMin = i;
      if (iMax < 0 || y > (ys[iMax] as number)) iMax = i;
    }
    if (iMin < 0) continue;
    // In x order, so the line does not double back within a bucket.
    const [a, c] = iMin <= iMax ? [iMin, iMax] : [iMax, iMin];
    out.push({ x: xs[a] as number, y: ys[a] as number });
    if (c !== a) out.push({ x: xs[c] as number, y: ys[c] as number });
  }
  return out;
}

/** Values usable on a log axis. */
export const positive = (y: number): boolean => y > 0 && Number.isFinite(y);
