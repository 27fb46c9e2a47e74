/**
 * The gradient horizon over training: how many steps back ‖∂L/∂hₜ‖ stays within 10⁻³ of its value at T
 * (the engine's definition, records.ts). A horizon near T − 1 means the gradient reaches the sequence start.
 */
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { ROLE, SCREEN_REFERENCE_DASH } from '../../../core/shared/palette';
import { curveLegend, lastFinite } from './curves';
import type { ExportFigureRequest } from './export-figure';
import { Chart } from './Chart';
import type { PlotSeries } from './plot-series';
import { useT } from '../i18n';

export interface HorizonChartProps {
  curves: PlotSeries[];
  /** The longest possible horizon (T − 1), drawn as a reference. */
  maxHorizon?: number;
  exportRequest?: ExportFigureRequest;
  height?: number;
  emptyText?: string;
}

export function HorizonChart({ curves, maxHorizon, exportRequest, height, emptyText }: HorizonChartProps) {
  const t = useT('charts');
  const has = curves.some((c) => c.x.length > 0);
  const latest = curves.map((c) => lastFinite(c.y)).find((v) => v !== undefined);
  let yMax = maxHorizon ?? 1;
  for (const c of curves) for (const v of c.y) if (Number.isFinite(v) && v > yMax) yMax = v;
  const maxLabel = maxHorizon !== undefined ? t('horizon.max', { value: maxHorizon }) : '';
  return (
    <ChartFrame
      title={t('horizon.title')}
      subtitle={t('horizon.subtitle')}
      summary={
        latest === undefined
          ? t('horizon.summaryEmpty')
          : maxHorizon !== undefined
            ? t('horizon.summaryOf', { value: latest, max: maxHorizon })
            : t('horizon.summary', { value: latest })
      }
      {...(exportRequest ? { exportRequest } : {})}
      empty={has ? null : (emptyText ?? t('waitingProbe'))}
      legend={
        <ChartLegend
          items={[
            ...curveLegend(curves),
            ...(maxHorizon !== undefined
              ? [{ label: maxLabel, style: { color: ROLE.reference, dash: SCREEN_REFERENCE_DASH } }]
              : []),
          ]}
        />
      }
    >
      <Chart
        series={curves}
        log={false}
        xLabel={t('axis.step')}
        yLabel={t('axis.horizon')}
        yDomain={[0, Math.ceil(yMax * 1.05) || 1]}
        yMarkers={maxHorizon !== undefined ? [{ y: maxHorizon, label: maxLabel, color: ROLE.reference }] : []}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
