/**
 * The gradient-flow profile: ‖∂L/∂hₜ‖ against t on a log axis, at one probe step, per layer (and per run when
 * comparing). For vanilla RNN layers the theory envelope is dashed: ‖∂L/∂hₜ‖ ≤ ‖∂L/∂h_T‖·γ^(T−t), where
 * γ = jacobianBound = (max |f′|)·σ_max(Wh) bounds every step's Jacobian norm (Pascanu et al., 2013).
 * Index 0 of hNorms is h_1.
 */
import type { ReactNode } from 'react';
import type { GradientProfile } from '../../../core/api';
import { ChartFrame } from './ChartFrame';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { ROLE, SCREEN_REFERENCE_DASH, lineStyle, seriesColor } from '../../../core/shared/palette';
import type { ExportFigureRequest } from './export-figure';
import { decadeDomain, positiveExtent } from '../../../core/shared/ticks';
import { formatNumber } from '../../../core/shared/format';
import { Chart } from './Chart';
import type { PlotSeries } from './plot-series';
import { useT } from '../i18n';
import { H_GRAD_NORM } from './notation';

export interface ProfileEntry {
  id: string;
  /** The run's name when several runs share the chart. */
  label: string;
  color: string;
  profile: GradientProfile;
}

export interface GradientFlowChartProps {
  profiles: ProfileEntry[];
  showBound?: boolean;
  /** E.g. the probe-step slider; rendered in the chart's header. */
  controls?: ReactNode;
  exportRequest?: ExportFigureRequest;
  height?: number;
  emptyText?: string;
  /** Which batch the profile was measured on, for the subtitle (e.g. "training batch"). */
  source?: string;
}

/** Envelope points, in log space so γ^(T−t) never overflows, clamped a little beyond the visible decades. */
export function envelope(hT: number, bound: number, T: number, clamp: [number, number]): { x: number[]; y: number[] } {
  const lhT = Math.log10(hT);
  const lb = Math.log10(bound);
  const [lo, hi] = [Math.log10(clamp[0]) - 1, Math.log10(clamp[1]) + 1];
  const x = Array.from({ length: T }, (_, i) => i + 1);
  return { x, y: x.map((t) => 10 ** Math.min(hi, Math.max(lo, lhT + (T - t) * lb))) };
}

export function GradientFlowChart({
  profiles,
  showBound = true,
  controls,
  exportRequest,
  height,
  emptyText,
  source,
}: GradientFlowChartProps) {
  const t = useT('charts');
  const many = profiles.length > 1;
  const series: PlotSeries[] = [];
  const legend: LegendItem[] = [];
  const extent = positiveExtent(
    (function* () {
      for (const e of profiles) for (const l of e.profile.layers) yield* [...l.hNorms, ...(l.cNorms ?? [])];
    })(),
  );
  const domain = extent ? decadeDomain(extent) : null;
  const summaries: string[] = [];

  for (const e of profiles) {
    for (const l of e.profile.layers) {
      const color = many ? e.color : seriesColor(l.layer);
      const layerName = e.profile.layers.length > 1 ? t('layer', { n: l.layer + 1 }) : '';
      const name = [many ? e.label : '', layerName].filter(Boolean).join(', ');
      const T = l.hNorms.length;
      const steps = Array.from(l.hNorms, (_, i) => i + 1);
      const hStyle = { color, dash: many && l.layer > 0 ? lineStyle(0, l.layer).dash : undefined };
      const hLabel = `${name ? `${name}: ` : ''}${H_GRAD_NORM}`;
      series.push({ key: `${e.id}:h${l.layer}`, label: hLabel, style: hStyle, x: steps, y: [...l.hNorms] });
      legend.push({ label: hLabel, style: hStyle });
      if (l.cNorms) {
        const cStyle = { color, dash: lineStyle(0, 1).dash };
        series.push({
          key: `${e.id}:c${l.layer}`,
          label: `${name ? `${name}: ` : ''}‖∂L/∂cₜ‖`,
          style: cStyle,
          width: 1.2,
          x: Array.from(l.cNorms, (_, i) => i + 1),
          y: [...l.cNorms],
        });
        legend.push({ label: `${name ? `${name}: ` : ''}‖∂L/∂cₜ‖ ${t('flow.cellState')}`, style: cStyle });
      }
      const hT = l.hNorms[T - 1];
      if (
        showBound &&
        l.jacobianBound !== undefined &&
        Number.isFinite(l.jacobianBound) &&
        l.jacobianBound > 0 &&
        hT !== undefined &&
        hT > 0 &&
        domain
      ) {
        const refStyle = { color: ROLE.reference, dash: SCREEN_REFERENCE_DASH };
        series.push({
          key: `${e.id}:bound${l.layer}`,
          label: 'bound',
          style: refStyle,
          width: 1.2,
          reference: true,
          ...envelope(hT, l.jacobianBound, T, domain),
        });
        legend.push({
          label: `${name ? `${name}: ` : ''}${t('flow.bound', { gamma: formatNumber(l.jacobianBound) })}`,
          style: refStyle,
        });
      }
      const h1 = l.hNorms[0];
      if (h1 !== undefined && hT !== undefined && hT > 0)
        summaries.push(
          t('flow.summaryPart', {
            name: name || t('flow.theNetwork'),
            ratio: formatNumber(h1 / hT),
            horizon: l.horizon,
          }),
        );
    }
  }

  const step = profiles[0]?.profile.step;
  return (
    <ChartFrame
      title={t('flow.title')}
      subtitle={
        step === undefined
          ? t('flow.subtitleNone')
          : source
            ? t('flow.subtitleSource', { step, source })
            : t('flow.subtitle', { step })
      }
      summary={t('flow.summary', { step: step ?? '–', parts: summaries.join('; ') || t('flow.noProfile') })}
      controls={controls}
      {...(exportRequest ? { exportRequest } : {})}
      empty={profiles.length ? null : (emptyText ?? t('waitingProbe'))}
      legend={<ChartLegend items={legend} />}
    >
      <Chart
        series={series}
        xLabel={t('axis.timeStep')}
        yLabel={H_GRAD_NORM}
        log
        {...(domain ? { yDomain: domain } : {})}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
