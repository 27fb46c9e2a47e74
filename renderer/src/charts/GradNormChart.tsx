/**
 * Global gradient norm (before clipping) over training, log y, with the steps where clipping acted marked on
 * the curve, the clip threshold as a reference line, and divergence markers.
 */
import { ChartFrame } from './ChartFrame';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';
import {
  clipEventSeries,
  curveLegend,
  divergenceLegend,
  divergenceMarkers,
  lastFinite,
  type DivergenceMark,
} from './curves';
import type { ExportFigureRequest } from './export-figure';
import { formatNumber } from '../../../core/shared/format';
import { Chart } from './Chart';
import type { PlotSeries, YMarker } from './plot-series';
import { useT } from '../i18n';
import { useDivergenceText } from './useDivergenceText';
import { PARAM_GRAD_NORM } from './notation';

export interface ClipEvents {
  /** The curve the events sit on (its key). */
  curveKey: string;
  /** Parallel to the curve: 1 where the step was clipped. */
  clipped: ArrayLike<number>;
}

export interface GradNormChartProps {
  curves: PlotSeries[];
  clipEvents?: ClipEvents[];
  /** Clip-by-norm threshold, drawn as a reference line. */
  threshold?: number;
  divergences?: DivergenceMark[];
  exportRequest?: ExportFigureRequest;
  height?: number;
}

export function GradNormChart({
  curves,
  clipEvents = [],
  threshold,
  divergences = [],
  exportRequest,
  height,
}: GradNormChartProps) {
  const t = useT('charts');
  const diverged = useDivergenceText();
  const events = clipEvents.flatMap((e) => {
    const c = curves.find((x) => x.key === e.curveKey);
    return c ? [clipEventSeries(c, e.clipped)] : [];
  });
  const clippedCount = events.reduce((a, e) => a + e.count, 0);
  const thresholdLabel = threshold !== undefined ? t('gradNorm.threshold', { value: formatNumber(threshold) }) : '';
  const yMarkers: YMarker[] =
    threshold !== undefined ? [{ y: threshold, label: thresholdLabel, color: ROLE.reference }] : [];
  const latest = curves.map((c) => lastFinite(c.y)).find((v) => v !== undefined);
  const legend: LegendItem[] = curveLegend(curves);
  if (clippedCount)
    legend.push({
      label: t('gradNorm.clipped', { count: clippedCount }),
      style: { color: ROLE.clipped, dash: undefined },
      sample: 'dot',
    });
  if (threshold !== undefined)
    legend.push({ label: thresholdLabel, style: { color: ROLE.reference, dash: SCREEN_REFERENCE_DASH } });
  legend.push(...divergenceLegend(divergences, diverged));
  const has = curves.some((c) => c.x.length > 0);
  const title = t('gradNorm.title');
  return (
    <ChartFrame
      title={title}
      subtitle={t('gradNorm.subtitle')}
      summary={`${
        latest !== undefined
          ? t('gradNorm.summary', { value: formatNumber(latest), count: clippedCount })
          : t('gradNorm.summaryEmpty', { count: clippedCount })
      }${divergences.length ? ` ${t('divergedAtSteps', { steps: divergences.map((d) => d.step).join(', ') })}` : ''}`}
      {...(exportRequest ? { exportRequest } : {})}
      empty={has ? null : t('waitingSteps')}
      legend={<ChartLegend items={legend} />}
    >
      <Chart
        series={[...curves, ...events.map((e) => e.series)]}
        log
        xLabel={t('axis.step')}
        yLabel={PARAM_GRAD_NORM}
        yMarkers={yMarkers}
        xMarkers={divergenceMarkers(divergences, diverged)}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
