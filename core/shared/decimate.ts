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

export interface XY {
  x: number;
  y: number;
}

/** Columns a screen chart is thinned to: about one per 2 px of the widest chart; 4 points each at most. */
export const SCREEN_COLUMNS = 400;

/**
 * The points of (xs, ys) a window chart draws: those `keep` accepts (finite, or positive on a log axis), and,
 * past 4 × `columns` of them, M4-thinned to `columns` columns of the x range: the rule the exported figure
 * draws by, so the screen keeps exactly the spikes the paper keeps. Series the store already bounded
 * (≤ 4 × columns points) are drawn as they are: downsampling happens once.
 */
export function screenPoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  keep: (y: number) => boolean = Number.isFinite,
  columns = SCREEN_COLUMNS,
): XY[] {
  const n = Math.min(xs.length, ys.length);
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (Number.isFinite(x) && keep(y)) {
      fx.push(x);
      fy.push(y);
    }
  }
  const span = fx.length ? (fx[fx.length - 1] as number) - (fx[0] as number) : 0;
  const idx = fx.length > 4 * columns && span > 0 ? m4Indices(fx, fy, span / columns) : null;
  return idx
    ? idx.map((i) => ({ x: fx[i] as number, y: fy[i] as number }))
    : fx.map((x, i) => ({ x, y: fy[i] as number }));
}

/** Values usable on a log axis. */
export const positive = (y: number): boolean => y > 0 && Number.isFinite(y);
