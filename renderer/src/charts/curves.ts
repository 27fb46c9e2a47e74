/** What the live view's metric charts share: divergence markers and their legend entries, the latest value. */
import { ROLE } from '../../../core/shared/palette';
import type { LegendItem } from './ChartLegend';
import type { PlotSeries, XMarker } from './plot-series';

export interface DivergenceMark {
  step: number;
  /** Which tensor went non-finite first, e.g. "grad:layer0.Wh". */
  tensor: string;
  /** Prefix when several runs share a chart. */
  runLabel?: string;
}

/** Marker labels come from the caller's catalog (`diverged`), so this module stays free of words. */
export type DivergenceText = (d: DivergenceMark) => string;

export function divergenceMarkers(marks: readonly DivergenceMark[], text: DivergenceText): XMarker[] {
  return marks.map((d) => ({ x: d.step, label: text(d), color: ROLE.divergence }));
}

/** Legend entries for divergence markers, drawn as the dashed vertical rule they name. */
export function divergenceLegend(marks: readonly DivergenceMark[], text: DivergenceText): LegendItem[] {
  return divergenceMarkers(marks, text).map((m) => ({
    label: m.label,
    style: { color: m.color, dash: undefined },
    sample: 'rule' as const,
  }));
}

/** One legend entry per curve, in its exact style. */
export function curveLegend(series: readonly PlotSeries[]): LegendItem[] {
  return series.map((s) => ({ key: s.key, label: s.label, style: s.style, band: !!(s.lo && s.hi) }));
}

export function lastFinite(values: ArrayLike<number>): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] as number;
    if (Number.isFinite(v)) return v;
  }
  return undefined;
}

/** Markers beyond this many are thinned evenly: a solid band of dots says "clipped all the time" just as well. */
export const MAX_EVENTS = 300;

/** The clipped steps of a curve as point events, at most MAX_EVENTS of them, and how many there were. */
export function clipEventSeries(curve: PlotSeries, clipped: ArrayLike<number>): { series: PlotSeries; count: number } {
  const idx: number[] = [];
  const n = Math.min(curve.x.length, clipped.length);
  for (let i = 0; i < n; i++) if ((clipped[i] ?? 0) >= 0.5 && (curve.y[i] ?? 0) > 0) idx.push(i);
  const stride = Math.max(1, Math.ceil(idx.length / MAX_EVENTS));
  const kept = idx.filter((_, k) => k % stride === 0);
  return {
    series: {
      key: `${curve.key}:clipped`,
      label: 'clipped',
      style: { color: ROLE.clipped, dash: undefined },
      kind: 'points',
      x: kept.map((i) => curve.x[i] as number),
      y: kept.map((i) => curve.y[i] as number),
    },
    count: idx.length,
  };
}
