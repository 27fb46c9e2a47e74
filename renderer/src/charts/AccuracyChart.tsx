/** Accuracy (train and held-out) for the classification tasks; linear 0–1 axis. No figure kind exists for it yet. */
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { curveLegend, divergenceLegend, divergenceMarkers, lastFinite, type DivergenceMark } from './curves';
import { formatNumber } from '../../../core/shared/format';
import { Chart } from './Chart';
import type { PlotSeries } from './plot-series';
import { useT } from '../i18n';
import { useDivergenceText } from './useDivergenceText';

export function AccuracyChart({
  curves,
  divergences = [],
  height,
}: {
  curves: PlotSeries[];
  divergences?: DivergenceMark[];
  height?: number;
}) {
  const t = useT('charts');
  const diverged = useDivergenceText();
  const title = t('accuracy.title');
  const latest = curves
    .map((c) => {
      const v = lastFinite(c.y);
      return v === undefined ? null : `${c.label} ${formatNumber(v)}`;
    })
    .filter(Boolean)
    .join('; ');
  return (
    <ChartFrame
      title={title}
      summary={t('summary', { title, values: latest || t('noValues') })}
      legend={<ChartLegend items={[...curveLegend(curves), ...divergenceLegend(divergences, diverged)]} />}
    >
      <Chart
        series={curves}
        log={false}
        xLabel={t('axis.step')}
        yLabel={t('axis.accuracy')}
        yDomain={[0, 1]}
        xMarkers={divergenceMarkers(divergences, diverged)}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
