/** Loss curves (train and held-out, one or many runs) with divergence markers; log y by default. */
import { useState } from 'react';
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { curveLegend, divergenceLegend, divergenceMarkers, lastFinite, type DivergenceMark } from './curves';
import type { ExportFigureRequest } from './export-figure';
import { formatNumber } from '../../../core/shared/format';
import { ScaleToggle, type YScale } from './ScaleToggle';
import { Chart } from './Chart';
import type { PlotSeries } from './plot-series';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';
import { useT } from '../i18n';
import { useDivergenceText } from './useDivergenceText';

export interface LossChartProps {
  curves: PlotSeries[];
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
  title,
  baseline,
}: LossChartProps) {
  const t = useT('charts');
  const name = title ?? t('loss.title');
  const diverged = useDivergenceText();
  const [scale, setScale] = useState<YScale>(initialScale);
  const has = curves.some((c) => c.x.length > 0);
  const latest = curves
    .map((c) => {
      const v = lastFinite(c.y);
      return v === undefined
        ? null
        : t('latestAtStep', { label: c.label, value: formatNumber(v), step: formatNumber(c.x[c.x.length - 1] ?? 0) });
    })
    .filter(Boolean)
    .join('; ');
  return (
    <ChartFrame
      title={name}
      subtitle={t('loss.subtitle')}
      summary={`${t('summary', { title: name, values: latest || t('noValues') })}${divergences.length ? ` ${t('divergedAtSteps', { steps: divergences.map((d) => d.step).join(', ') })}` : ''}`}
      controls={<ScaleToggle value={scale} onChange={setScale} label={name} />}
      {...(exportRequest ? { exportRequest: { ...exportRequest, view: { ...exportRequest.view, scale } } } : {})}
      empty={has ? null : t('waitingSteps')}
      legend={
        <ChartLegend
          items={[
            ...curveLegend(curves),
            ...(baseline
              ? [{ label: baseline.label, style: { color: ROLE.reference, dash: SCREEN_REFERENCE_DASH } }]
              : []),
            ...divergenceLegend(divergences, diverged),
          ]}
        />
      }
    >
      <Chart
        series={curves}
        log={scale === 'log'}
        xLabel={t('axis.step')}
        yLabel={t('axis.loss')}
        xMarkers={divergenceMarkers(divergences, diverged)}
        yMarkers={baseline ? [{ y: baseline.y, label: baseline.label, color: ROLE.reference }] : []}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
