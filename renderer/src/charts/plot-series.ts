/**
 * The one series type of the window's charts (the live view and Compare alike): parallel x and y arrays, a
 * style from core/shared/palette.ts (colour × dash × marker, as the exported figure has it) and an optional
 * band (mean ± std or min–max over seeds).
 */
import { m4Indices } from '../../../core/shared/decimate';
import type { LineStyle } from '../../../core/shared/palette';

export interface PlotSeries {
  /** Unique within a chart; the figure's series id (`runId:metric`, `group:hash:metric`) where there is one. */
  key: string;
  label: string;
  style: LineStyle;
  x: readonly number[];
  y: readonly number[];
  /** Band around the curve, parallel to x. */
  lo?: readonly number[] | undefined;
  hi?: readonly number[] | undefined;
  /** Run ids drawn by this curve (one, or the seeds of a group). */
  runIds?: readonly string[];
  /** The figure's alias (a run id or a spec hash), a second key user legend names may use. */
  alias?: string | undefined;
  /** 'points' draws markers only (events such as clipped steps). */
  kind?: 'line' | 'points';
  width?: number;
  /** A theory curve: drawn, but not used to choose the y range. */
  reference?: boolean;
}

/** A vertical rule (divergence); unlabelled on the plot, named in the legend. */
export interface XMarker {
  x: number;
  label: string;
  color: string;
}

/** A horizontal reference (clip threshold, baseline); `onPlot` writes its label at the right end. */
export interface YMarker {
  y: number;
  label: string;
  color: string;
  onPlot?: boolean;
}

/** Columns a screen chart is thinned to: about one per 2 px of the widest chart, 4 points each at most. */
export const SCREEN_COLUMNS = 400;

export const plottable = (v: number | undefined, log: boolean): v is number =>
  v !== undefined && Number.isFinite(v) && (!log || v > 0);

/**
 * The points a chart draws: those the axis can show, and past 4 × `columns` of them, M4-thinned (the rule the
 * exported figure draws by, core/shared/decimate.ts) on the curve and its band alike. A series the store
 * already bounded is drawn as it is: downsampling happens once. However many raw steps a live run streams,
 * a curve draws at most about 4 × (columns + 1) points.
 */
export function forScreen(s: PlotSeries, log: boolean, columns = SCREEN_COLUMNS): PlotSeries {
  const idx: number[] = [];
  for (let i = 0; i < Math.min(s.x.length, s.y.length); i++)
    if (Number.isFinite(s.x[i]) && plottable(s.y[i], log)) idx.push(i);
  if (idx.length === s.x.length && idx.length <= 4 * columns) return s;
  let keep = idx;
  const span = idx.length ? (s.x[idx[idx.length - 1]!] as number) - (s.x[idx[0]!] as number) : 0;
  if (idx.length > 4 * columns && span > 0) {
    const pick = (ys: readonly number[]) =>
      m4Indices(
        idx.map((i) => s.x[i] as number),
        idx.map((i) => ys[i] as number),
        span / columns,
      );
    const chosen = new Set(pick(s.y));
    if (s.lo && s.hi) for (const ys of [s.lo, s.hi]) for (const k of pick(ys)) chosen.add(k);
    keep = [...chosen].sort((a, b) => a - b).map((k) => idx[k] as number);
  }
  const at = (ys: readonly number[]) => keep.map((i) => ys[i] as number);
  return { ...s, x: at(s.x), y: at(s.y), ...(s.lo && s.hi ? { lo: at(s.lo), hi: at(s.hi) } : {}) };
}
