/** Accuracy (train and held-out) for the classification tasks; linear 0–1 axis. No figure kind exists for it yet. */
import { ChartFrame, Legend } from './ChartFrame';
import {
  divergenceLegend,
  divergenceMarkers,
  lastFinite,
  toSeries,
  type DivergenceMark,
  type MetricCurve,
} from './curves';
import { formatNumber } from '../../../core/shared/format';
import { SeriesChart } from './SeriesChart';

export function AccuracyChart({
  curves,
  divergences = [],
  height,
}: {
  curves: MetricCurve[];
  divergences?: DivergenceMark[];
  height?: number;
}) {
  const summary = curves
    .map((c) => {
      const v = lastFinite(c.value);
      return v === undefined ? null : `${c.label} ${formatNumber(v)}`;
    })
    .filter(Boolean)
    .join('; ');
  return (
    <ChartFrame
      title="Accuracy"
      summary={`Accuracy: ${summary || 'no values yet'}.`}
      legend={
        <Legend
          items={[
            ...curves.map((c) => ({ label: c.label, color: c.color, dash: c.dash })),
            ...divergenceLegend(divergences),
          ]}
        />
      }
    >
      <SeriesChart
        series={toSeries(curves, 'linear')}
        xLabel="training step"
        yLabel="accuracy"
        yScale="linear"
        yDomain={[0, 1]}
        xMarkers={divergenceMarkers(divergences)}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
