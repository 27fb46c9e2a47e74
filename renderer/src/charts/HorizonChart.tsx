/**
 * The gradient horizon over training: how many steps back ‖∂L/∂hₜ‖ stays within 10⁻³ of its value at T
 * (the engine's definition, records.ts). A horizon near T − 1 means the gradient reaches the sequence start.
 */
import { ChartFrame, Legend } from './ChartFrame';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';
import { lastFinite, toSeries, type MetricCurve } from './curves';
import type { ExportFigureRequest } from './export-figure';
import { SeriesChart } from './SeriesChart';

export interface HorizonChartProps {
  curves: MetricCurve[];
  /** The longest possible horizon (T − 1), drawn as a reference. */
  maxHorizon?: number;
  exportRequest?: ExportFigureRequest;
  height?: number;
  emptyText?: string;
}

export function HorizonChart({
  curves,
  maxHorizon,
  exportRequest,
  height,
  emptyText = 'Waiting for the first gradient probe…',
}: HorizonChartProps) {
  const has = curves.some((c) => c.step.length > 0);
  const latest = curves.map((c) => lastFinite(c.value)).find((v) => v !== undefined);
  const series = toSeries(curves, 'linear');
  const yMax = Math.max(maxHorizon ?? 1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  return (
    <ChartFrame
      title="Gradient horizon"
      subtitle="steps back until ‖∂L/∂hₜ‖ < 10⁻³·‖∂L/∂h_T‖"
      summary={`Gradient horizon${latest !== undefined ? ` ${latest} steps at the latest probe` : ''}${maxHorizon !== undefined ? ` of at most ${maxHorizon}` : ''}.`}
      {...(exportRequest ? { exportRequest } : {})}
      empty={has ? null : emptyText}
      legend={
        <Legend
          items={[
            ...curves.map((c) => ({ label: c.label, color: c.color, dash: c.dash })),
            ...(maxHorizon !== undefined
              ? [{ label: `T − 1 = ${maxHorizon}`, color: ROLE.reference, dash: SCREEN_REFERENCE_DASH }]
              : []),
          ]}
        />
      }
    >
      <SeriesChart
        series={series}
        xLabel="training step"
        yLabel="horizon (steps)"
        yScale="linear"
        yDomain={[0, Math.ceil(yMax * 1.05) || 1]}
        yMarkers={maxHorizon !== undefined ? [{ y: maxHorizon, label: '', color: ROLE.reference }] : []}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
