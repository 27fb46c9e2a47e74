/**
 * M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014): of
 * the points falling in one column of the output, keep the first, the lowest, the highest and the last. A
 * line through what is kept draws the same pixels as a line through all of them, whatever the (monotone)
 * y scale, so a 100,000-step loss curve costs a few thousand points in an SVG, a PDF or a pgfplots file.
 * Only for x that never decreases (steps, wall time, time steps); anything else is returned as it is.
 */

/** Indices to keep of (x[i], y[i]), i in [from, to), with columns `columnWidth` wide in x's units. */
export function m4Indices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  columnWidth: number,
  from = 0,
  to = x.length,
): number[] {
  const n = to - from;
  if (n <= 4 || !(columnWidth > 0)) return Array.from({ length: n }, (_, k) => from + k);
  for (let i = from + 1; i < to; i++)
    if ((x[i] as number) < (x[i - 1] as number)) return Array.from({ length: n }, (_, k) => from + k);
  const keep: number[] = [];
  let col = Math.floor((x[from] as number) / columnWidth);
  let first = from;
  let lo = from;
  let hi = from;
  const flush = (last: number) => {
    const ids = [...new Set([first, lo, hi, last])].sort((a, b) => a - b);
    keep.push(...ids);
  };
  for (let i = from + 1; i < to; i++) {
    const c = Math.floor((x[i] as number) / columnWidth);
    if (c !== col) {
      flush(i - 1);
      col = c;
      first = lo = hi = i;
      continue;
    }
    if ((y[i] as number) < (y[lo] as number)) lo = i;
    if ((y[i] as number) > (y[hi] as number)) hi = i;
  }
  flush(to - 1);
  return keep;
}

/** Screen points ([x, y] pairs, x increasing) thinned to columns `columnWidth` wide. */
export function m4Points<P extends readonly [number, number]>(pts: readonly P[], columnWidth: number): P[] {
  if (pts.length <= 4) return [...pts];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return m4Indices(xs, ys, columnWidth).map((i) => pts[i] as P);
}
