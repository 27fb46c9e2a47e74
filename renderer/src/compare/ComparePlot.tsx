/**
 * Compare's configuration of the window's one chart: curves of many runs with a tooltip, a legend that
 * follows the exported figure's rules (caption line, user names, styles; charts/legend-model.ts) and whose
 * entries hide and show their curve. The wrapper is role="img" with a text summary.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { LegendNames } from '../../../core/shared/legend-text';
import { REFERENCE_COLOR } from '../../../core/shared/palette';
import { Chart } from '../charts/Chart';
import { ChartLegend } from '../charts/ChartLegend';
import { legendModel } from '../charts/legend-model';
import type { PlotSeries, XMarker } from '../charts/plot-series';
import { useT } from '../i18n';

export interface ComparePlotProps {
  /** Accessible name of the chart, e.g. "Loss". */
  name: string;
  series: readonly PlotSeries[];
  log: boolean;
  xLabel: string;
  yLabel: string;
  markers?: readonly XMarker[];
  hLines?: readonly { y: number; label: string }[];
  legendNames?: LegendNames;
  height?: number;
}

// Memoised: Compare re-renders on every wave, profile answer and setting; a panel whose props did not change
// (its curves are memoised upstream) keeps its drawn SVG instead of re-laying out 50 series.
export const ComparePlot = memo(function ComparePlot({
  name,
  series,
  log,
  xLabel,
  yLabel,
  markers = [],
  hLines = [],
  legendNames,
  height = 250,
}: ComparePlotProps) {
  const t = useT('compare');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const descId = useId();
  const legend = useMemo(() => legendModel(series, legendNames), [series, legendNames]);
  const yMarkers = useMemo(
    () => hLines.map((h) => ({ y: h.y, label: h.label, color: REFERENCE_COLOR, onPlot: true })),
    [hLines],
  );
  const toggle = (key: string) =>
    setHidden((h) => (h.has(key) ? new Set([...h].filter((k) => k !== key)) : new Set(h).add(key)));
  return (
    <figure className="overlay-chart">
      <div role="img" aria-label={name} aria-describedby={descId} className="chart-canvas" style={{ height }}>
        <p id={descId} className="visually-hidden">
          {t(log ? 'plot.summaryLog' : 'plot.summary', {
            count: series.length,
            names: series.map((s) => s.label).join('; '),
            x: xLabel,
            y: yLabel,
          })}
        </p>
        <Chart
          series={series}
          log={log}
          xLabel={xLabel}
          yLabel={yLabel}
          xMarkers={markers}
          yMarkers={yMarkers}
          hidden={hidden}
          tooltip
          height={height}
        />
      </div>
      <ChartLegend
        items={[
          ...legend.items,
          ...(markers.length
            ? [
                {
                  label: t('plot.divergence'),
                  style: { color: REFERENCE_COLOR, dash: undefined },
                  sample: 'rule' as const,
                },
              ]
            : []),
        ]}
        caption={legend.caption}
        hidden={hidden}
        onToggle={toggle}
      />
    </figure>
  );
});
