/**
 * Global gradient norm (before clipping) over training, log y, with the steps where clipping acted marked on
 * the curve, the clip threshold as a reference line, and divergence markers.
 */
import { ChartFrame, Legend, type LegendItem } from './ChartFrame';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';
import {
  divergenceLegend,
  divergenceMarkers,
  lastFinite,
  toSeries,
  type DivergenceMark,
  type MetricCurve,
} from './curves';
import type { ExportFigureRequest } from './export-figure';
import { formatNumber } from '../../../core/shared/format';
import { SeriesChart, type ChartSeries, type YMarker } from './SeriesChart';

export interface ClipEvents {
  /** The curve the events sit on (its id). */
  curveId: string;
  /** Parallel to the curve: 1 where the step was clipped. */
  clipped: ArrayLike<number>;
}

export interface GradNormChartProps {
  curves: MetricCurve[];
  clipEvents?: ClipEvents[];
  /** Clip-by-norm threshold, drawn as a reference line. */
  threshold?: number;
  divergences?: DivergenceMark[];
  exportRequest?: ExportFigureRequest;
  height?: number;
}

/** Markers beyond this many are thinned evenly: a solid band of dots says "clipped all the time" just as well. */
const MAX_EVENTS = 300;

function eventSeries(curve: MetricCurve, clipped: ArrayLike<number>): { series: ChartSeries; count: number } {
  const idx: number[] = [];
  const n = Math.min(curve.step.length, clipped.length);
  for (let i = 0; i < n; i++) if ((clipped[i] ?? 0) >= 0.5 && (curve.value[i] ?? 0) > 0) idx.push(i);
  const stride = Math.max(1, Math.ceil(idx.length / MAX_EVENTS));
  const points = idx
    .filter((_, k) => k % stride === 0)
    .map((i) => ({ x: curve.step[i] as number, y: curve.value[i] as number }));
  return {
    series: { id: `${curve.id}:clipped`, label: 'clipped', color: ROLE.clipped, points, kind: 'points' },
    count: idx.length,
  };
}

export function GradNormChart({
  curves,
  clipEvents = [],
  threshold,
  divergences = [],
  exportRequest,
  height,
}: GradNormChartProps) {
  const events = clipEvents.flatMap((e) => {
    const c = curves.find((x) => x.id === e.curveId);
    return c ? [eventSeries(c, e.clipped)] : [];
  });
  const clippedCount = events.reduce((a, e) => a + e.count, 0);
  const yMarkers: YMarker[] =
    threshold !== undefined
      ? [{ y: threshold, label: `clip threshold ${formatNumber(threshold)}`, color: ROLE.reference }]
      : [];
  const latest = curves.map((c) => lastFinite(c.value)).find((v) => v !== undefined);
  const legend: LegendItem[] = curves.map((c) => ({ label: c.label, color: c.color, dash: c.dash }));
  if (clippedCount) legend.push({ label: `clipped (${clippedCount} steps)`, color: ROLE.clipped, marker: 'dot' });
  if (threshold !== undefined)
    legend.push({
      label: `clip threshold ${formatNumber(threshold)}`,
      color: ROLE.reference,
      dash: SCREEN_REFERENCE_DASH,
    });
  legend.push(...divergenceLegend(divergences));
  const has = curves.some((c) => c.step.length > 0);
  return (
    <ChartFrame
      title="Gradient norm"
      subtitle="global ‖∇θL‖₂ before clipping"
      summary={`Gradient norm${latest !== undefined ? ` ${formatNumber(latest)} at the latest step` : ''}; clipping acted on ${clippedCount} steps.${divergences.length ? ` Diverged at step ${divergences.map((d) => d.step).join(', ')}.` : ''}`}
      {...(exportRequest ? { exportRequest } : {})}
      empty={has ? null : 'Waiting for the first steps…'}
      legend={<Legend items={legend} />}
    >
      <SeriesChart
        series={[...toSeries(curves, 'log'), ...events.map((e) => e.series)]}
        xLabel="training step"
        yLabel="‖∇θL‖"
        yScale="log"
        yMarkers={yMarkers}
        xMarkers={divergenceMarkers(divergences)}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
