/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and last points and, in
 * each bucket between, the point making the largest triangle with the previously kept point and the mean of
 * the next bucket, which preserves peaks and troughs far better than striding.
 *
 * Non-finite values (NaN, ±Infinity: where a run diverged) cannot span a triangle and are exactly the points a
 * reader must see, so every one of them is kept; LTTB runs on the finite points with the remaining budget.
 */

/** Indices (ascending) of at most `maxPoints` points to keep; x must be sorted. */
export function lttb(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): number[] {
  const n = x.length;
  const budget = Math.max(2, Math.floor(maxPoints));
  if (n <= budget) return Array.from({ length: n }, (_, i) => i);

  const finite: number[] = [];
  const nonFinite: number[] = [];
  for (let i = 0; i < n; i++) (Number.isFinite(y[i]) ? finite : nonFinite).push(i);

  if (nonFinite.length >= budget - 2) {
    // Too many to keep them all: the ends plus evenly spaced non-finite points.
    const picked = new Set<number>([0, n - 1]);
    const room = budget - 2;
    for (let k = 0; k < room; k++) picked.add(nonFinite[Math.floor((k * nonFinite.length) / room)] as number);
    return [...picked].sort((a, b) => a - b);
  }
  const kept = lttbOver(finite, x, y, budget - nonFinite.length);
  const all = new Set<number>([...kept, ...nonFinite, 0, n - 1]);
  return [...all].sort((a, b) => a - b);
}

/** LTTB over the points named by `idx` (all finite), returning kept indices into x/y. */
function lttbOver(idx: readonly number[], x: ArrayLike<number>, y: ArrayLike<number>, threshold: number): number[] {
  const n = idx.length;
  if (n <= threshold || threshold < 3) return threshold < 3 && n > 2 ? [idx[0] as number, idx[n - 1] as number] : [...idx];
  const X = (k: number): number => x[idx[k] as number] as number;
  const Y = (k: number): number => y[idx[k] as number] as number;
  const out: number[] = [idx[0] as number];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let b = 0; b < threshold - 2; b++) {
    // Mean of the next bucket (the last point for the last bucket).
    const nextStart = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let k = nextStart; k < nextEnd; k++) {
      avgX += X(k);
      avgY += Y(k);
    }
    const len = nextEnd - nextStart;
    avgX /= len;
    avgY /= len;

    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const ax = X(a);
    const ay = Y(a);
    let best = start;
    let bestArea = -1;
    for (let k = start; k < end; k++) {
      const area = Math.abs((ax - avgX) * (Y(k) - ay) - (ax - X(k)) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = k;
      }
    }
    out.push(idx[best] as number);
    a = best;
  }
  out.push(idx[n - 1] as number);
  return out;
}
