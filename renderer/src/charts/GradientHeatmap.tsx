/** log10 ‖∂L/∂hₜ‖ over (training step × t) for one layer, from a run's gradient profiles. */
import { useMemo, useState, type ReactNode } from 'react';
import type { GradientProfile } from '../../../core/api';
import { ChartFrame } from './ChartFrame';
import type { ExportFigureRequest } from './export-figure';
import { HeatmapChart } from './HeatmapChart';
import { formatNumber } from '../../../core/shared/format';
import { useT } from '../i18n';
import { H_GRAD_NORM } from './notation';

export interface GradientHeatmapProps {
  profiles: GradientProfile[];
  exportRequest?: ExportFigureRequest;
  height?: number;
  /** Extra header controls. */
  controls?: ReactNode;
  emptyText?: string;
}

export function GradientHeatmap({ profiles, exportRequest, height, controls, emptyText }: GradientHeatmapProps) {
  const t = useT('charts');
  const layers = profiles.at(-1)?.layers.length ?? 0;
  const [layer, setLayer] = useState(0);
  const shownLayer = Math.min(layer, Math.max(0, layers - 1));
  const { xs, cols, rows } = useMemo(() => {
    const xs: number[] = [];
    const cols: Float64Array[] = [];
    let rows = 0;
    for (const p of profiles) {
      const l = p.layers.find((q) => q.layer === shownLayer);
      if (!l) continue;
      xs.push(p.step);
      cols.push(Float64Array.from(l.hNorms, (v) => (v > 0 ? Math.log10(v) : Number.NaN)));
      rows = Math.max(rows, l.hNorms.length);
    }
    return { xs, cols, rows };
    // profiles grows in place while a run trains: its length is part of the key.
  }, [profiles, profiles.length, shownLayer]);

  const layerSelect =
    layers > 1 ? (
      <label className="inline-select">
        {t('heatmap.layer')}{' '}
        <select value={shownLayer} onChange={(e) => setLayer(Number(e.target.value))}>
          {Array.from({ length: layers }, (_, i) => (
            <option key={i} value={i}>
              {i + 1}
            </option>
          ))}
        </select>
      </label>
    ) : null;

  return (
    <ChartFrame
      title={t('heatmap.title')}
      subtitle={t('heatmap.subtitle')}
      summary={
        layers > 1
          ? t('heatmap.summaryLayer', { probes: cols.length, rows, layer: shownLayer + 1 })
          : t('heatmap.summary', { probes: cols.length, rows })
      }
      controls={
        <>
          {layerSelect}
          {controls}
        </>
      }
      {...(exportRequest ? { exportRequest } : {})}
      empty={cols.length ? null : (emptyText ?? t('waitingProbe'))}
    >
      <HeatmapChart
        xs={xs}
        grid={{ cols, rows }}
        xLabel={t('axis.step')}
        yLabel={t('axis.timeStep')}
        colorLabel={H_GRAD_NORM}
        formatValue={(v) => `‖∂L/∂hₜ‖ = ${formatNumber(10 ** v)}`}
        {...(height ? { height } : {})}
      />
    </ChartFrame>
  );
}
