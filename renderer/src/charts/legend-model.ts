/**
 * A chart's legend entries by the exported figure's rules (core/shared/legend-text.ts): user legend names
 * win, the words every automatic name shares go to a caption line, each entry keeps what differs, in the
 * curve's own colour × dash × marker (core/shared/palette.ts styleSlot, as in the file).
 */
import { legendText, type LegendNames } from '../../../core/shared/legend-text';
import type { LegendItem } from './ChartLegend';
import type { PlotSeries } from './plot-series';

export interface LegendModel {
  caption: string;
  items: LegendItem[];
}

export function legendModel(series: readonly PlotSeries[], names: LegendNames = {}): LegendModel {
  const text = legendText(
    series.map((s) => ({ id: s.key, alias: s.alias, label: s.label })),
    names,
  );
  return {
    caption: text.caption,
    items: series.map((s, i) => ({
      key: s.key,
      label: text.labels[i] ?? s.label,
      style: s.style,
      band: !!(s.lo && s.hi),
    })),
  };
}
