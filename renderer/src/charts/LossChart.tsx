/** Loss curves (train and held-out, one or many runs) with divergence markers; log y by default. */
import { useState } from 'react';
import { ChartFrame, Legend } from './ChartFrame';
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
import { ScaleToggle, type YScale } from './ScaleToggle';
import { SeriesChart } from './SeriesChart';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';

export interface LossChartProps {
  curves: MetricCurve[];
  divergences?: DivergenceMark[];
  initialScale?: YScale;
  exportRequest?: ExportFigureRequest;
  height?: number;
  /** Accessible name and title; "Loss" unless a view shows several loss charts. */
  title?: string;
  /** A reference level, e.g. the loss of always predicting the mean (1/6 on the adding problem). */
  baseline?: { y: number; label: string };
}

export function LossChart({
  curves,
  divergences = [],
  initialScale = 'log',
  exportRequest,
  height,
  title = 'Loss',
  baseline,
}: LossChartProps) {
  const [scale, setScale] = useState<YScale>(initialScale);
  const has = curves.some((c) => c.step.length > 0);
  const summary = curves
    .map((c) => {
      const v = lastFinite(c.value);
      return v === undefined
        ? null
        : `${c.label} ${formatNumber(v)} at step ${formatNumber(c.step[c.step.length - 1] ?? 0)}`;
    })
    .filter(Boolean)
    .join('; ');
  return (
    <ChartFrame
      title={title}
      subtitle="mean over the batch"
      summary={`${title}: ${summary || 'no values yet'}.${divergences.length ? ` Diverged at step ${divergences.map((d) => d.step).join(', ')}.` : ''}`}
      controls={<ScaleToggle value={scale} onChange={setScale} label={title} />}
      {...(exportRequest ? { exportRequest: { ...exportRequest, view: { ...exportRequest.view, scale } } } : {})}
      empty={has ? null : 'Waiting for the first steps…'}
      legend={
        <Legend
          items={[
            ...curves.map((c) => ({ label: c.label, color: c.color, dash: c.dash })),
            ...(baseline ? [{ label: baseline.label, color: ROLE.reference, dash: SCREEN_REFERENCE_DASH }] : []),
            ...divergenceLegend(divergences),
          ]}
        />
      }
    >
      <SeriesChart
        series={toSeries(curves, scale)}
        xLabel="training step"
        yLabel="loss"
        yScale={scale}
        xMarkers={divergenceMarkers(divergences)}
        yMarkers={baseline ? [{ y: baseline.y, label: '', color: ROLE.reference }] : []}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
