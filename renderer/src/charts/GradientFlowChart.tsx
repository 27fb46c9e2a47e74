/**
 * The gradient-flow profile: ‖∂L/∂hₜ‖ against t on a log axis, at one probe step, per layer (and per run when
 * comparing). For vanilla RNN layers the theory envelope is dashed: ‖∂L/∂hₜ‖ ≤ ‖∂L/∂h_T‖·γ^(T−t), where
 * γ = jacobianBound = (max |f′|)·σ_max(Wh) bounds every step's Jacobian norm (Pascanu et al., 2013).
 * Index 0 of hNorms is h_1.
 */
import type { ReactNode } from 'react';
import type { GradientProfile } from '../../../core/api';
import { ChartFrame, Legend, type LegendItem } from './ChartFrame';
import { ROLE, SCREEN_REFERENCE_DASH, lineStyle, seriesColor } from '../../../core/shared/palette';
import type { ExportFigureRequest } from './export-figure';
import { decadeDomain, positiveExtent } from '../../../core/shared/ticks';
import { formatNumber } from '../../../core/shared/format';
import { SeriesChart, type ChartSeries } from './SeriesChart';

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
function envelope(hT: number, bound: number, T: number, clamp: [number, number]): { x: number; y: number }[] {
  const lhT = Math.log10(hT);
  const lb = Math.log10(bound);
  const [lo, hi] = [Math.log10(clamp[0]) - 1, Math.log10(clamp[1]) + 1];
  return Array.from({ length: T }, (_, i) => ({
    x: i + 1,
    y: 10 ** Math.min(hi, Math.max(lo, lhT + (T - (i + 1)) * lb)),
  }));
}

export function GradientFlowChart({
  profiles,
  showBound = true,
  controls,
  exportRequest,
  height,
  emptyText = 'Waiting for the first gradient probe…',
  source,
}: GradientFlowChartProps) {
  const many = profiles.length > 1;
  const series: ChartSeries[] = [];
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
      const layerName = e.profile.layers.length > 1 ? `layer ${l.layer + 1}` : '';
      const name = [many ? e.label : '', layerName].filter(Boolean).join(', ');
      const T = l.hNorms.length;
      series.push({
        id: `${e.id}:h${l.layer}`,
        label: `${name ? `${name}: ` : ''}‖∂L/∂hₜ‖`,
        color,
        dash: many && l.layer > 0 ? lineStyle(0, l.layer).dash : undefined,
        points: Array.from(l.hNorms, (y, i) => ({ x: i + 1, y })),
      });
      legend.push({
        label: `${name ? `${name}: ` : ''}‖∂L/∂hₜ‖`,
        color,
        dash: many && l.layer > 0 ? lineStyle(0, l.layer).dash : undefined,
      });
      if (l.cNorms) {
        series.push({
          id: `${e.id}:c${l.layer}`,
          label: `${name ? `${name}: ` : ''}‖∂L/∂cₜ‖`,
          color,
          dash: lineStyle(0, 1).dash,
          width: 1.2,
          points: Array.from(l.cNorms, (y, i) => ({ x: i + 1, y })),
        });
        legend.push({ label: `${name ? `${name}: ` : ''}‖∂L/∂cₜ‖ (cell state)`, color, dash: lineStyle(0, 1).dash });
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
        series.push({
          id: `${e.id}:bound${l.layer}`,
          label: 'bound',
          color: ROLE.reference,
          dash: SCREEN_REFERENCE_DASH,
          width: 1.2,
          reference: true,
          points: envelope(hT, l.jacobianBound, T, domain),
        });
        legend.push({
          label: `${name ? `${name}: ` : ''}bound ‖∂L/∂h_T‖·γ^(T−t), γ = ${formatNumber(l.jacobianBound)}`,
          color: ROLE.reference,
          dash: SCREEN_REFERENCE_DASH,
        });
      }
      const h1 = l.hNorms[0];
      if (h1 !== undefined && hT !== undefined && hT > 0)
        summaries.push(
          `${name || 'the network'}: ‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${formatNumber(h1 / hT)}, horizon ${l.horizon} steps`,
        );
    }
  }

  const step = profiles[0]?.profile.step;
  return (
    <ChartFrame
      title="Gradient flow"
      subtitle={
        step !== undefined ? `‖∂L/∂hₜ‖ at training step ${step}${source ? `, ${source}` : ''}` : '‖∂L/∂hₜ‖ against t'
      }
      summary={`Gradient flow at step ${step ?? '–'}: ${summaries.join('; ') || 'no profile'}.`}
      controls={controls}
      {...(exportRequest ? { exportRequest } : {})}
      empty={profiles.length ? null : emptyText}
      legend={<Legend items={legend} />}
    >
      <SeriesChart
        series={series}
        xLabel="time step t"
        yLabel="‖∂L/∂hₜ‖"
        yScale="log"
        {...(domain ? { yDomain: domain } : {})}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
