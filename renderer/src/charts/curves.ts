/** The plain inputs of the metric charts: one curve per (run, metric), any length; charts thin them for display. */
import { decimate, positive } from './downsample';
import type { ChartSeries, XMarker } from './SeriesChart';
import { ROLE } from '../../../core/shared/palette';
import type { LegendItem } from './ChartFrame';

export interface MetricCurve {
  id: string;
  label: string;
  color: string;
  step: ArrayLike<number>;
  value: ArrayLike<number>;
  /** SVG stroke-dasharray (core/shared/palette.ts), undefined for solid. */
  dash?: string | undefined;
}

export interface DivergenceMark {
  step: number;
  /** Which tensor went non-finite first, e.g. "grad:layer0.Wh". */
  tensor: string;
  /** Prefix when several runs share a chart. */
  runLabel?: string;
}

/** Display points per curve: a min and a max per ~2 px of a typical chart; more only costs the page time. */
export const DISPLAY_POINTS = 500;

export function toSeries(curves: MetricCurve[], scale: 'log' | 'linear', maxPoints = DISPLAY_POINTS): ChartSeries[] {
  return curves.map((c) => ({
    id: c.id,
    label: c.label,
    color: c.color,
    dash: c.dash,
    points: decimate(c.step, c.value, maxPoints, scale === 'log' ? positive : Number.isFinite),
  }));
}

export function divergenceMarkers(marks: DivergenceMark[] = []): XMarker[] {
  return marks.map((d) => ({
    x: d.step,
    label: `${d.runLabel ? `${d.runLabel}: ` : ''}diverged at step ${d.step} (${d.tensor})`,
    color: ROLE.divergence,
  }));
}

/** Legend entries for divergence markers, drawn as the dashed vertical rule they name. */
export function divergenceLegend(marks: DivergenceMark[] = []): LegendItem[] {
  return divergenceMarkers(marks).map((m) => ({ label: m.label, color: m.color, marker: 'rule' as const }));
}

export function lastFinite(values: ArrayLike<number>): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] as number;
    if (Number.isFinite(v)) return v;
  }
  return undefined;
}
