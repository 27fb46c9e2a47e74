/** What the chart tooltip lists at a pointer x: each curve's nearest point, its value and band, formatted. */
import { formatMetric } from '../../../core/shared/format';
import { nearestIndex } from '../../../core/shared/seeds';
import type { PlotSeries } from './plot-series';

export interface TooltipRow {
  key: string;
  label: string;
  style: PlotSeries['style'];
  value: string;
  /** "[lo, hi]" for a curve with a band, else ''. */
  band: string;
}

export function tooltipRows(series: readonly PlotSeries[], x: number): TooltipRow[] {
  return series.flatMap((s) => {
    if (s.kind === 'points') return [];
    const i = nearestIndex(s.x, x);
    if (i < 0) return [];
    const band = s.lo && s.hi ? `[${formatMetric(s.lo[i])}, ${formatMetric(s.hi[i])}]` : '';
    return [{ key: s.key, label: s.label, style: s.style, value: formatMetric(s.y[i]), band }];
  });
}

export const tooltipX = (x: number): string => formatMetric(x, 6);
