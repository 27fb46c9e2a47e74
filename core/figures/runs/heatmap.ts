/** The heatmap figure: log₁₀ ‖∂L/∂hₜ‖ over probe steps × t for one run. */
import type { HeatmapData } from '../types';
import type { Lang } from '../../shared/lang';
import { figureWords } from '../words';
import { H_NORM_LABEL, layerName, type RunProfiles } from './common';

export interface HeatmapChartOptions {
  layer?: number;
  lang?: Lang;
}

/** log10 ‖∂L/∂h_t‖ over probe steps × t for one run (the first given: a heatmap shows a single run). */
export function heatmapChart(runs: RunProfiles[] | RunProfiles, opts: HeatmapChartOptions = {}): HeatmapData {
  const w = figureWords(opts.lang);
  const r = Array.isArray(runs) ? runs[0] : runs;
  const layerIndex = opts.layer ?? 0;
  const profiles = [...(r?.profiles ?? [])].sort((a, b) => a.step - b.step);
  const columns: { step: number; hNorms: readonly number[] }[] = [];
  for (const p of profiles) {
    const layer = p.layers.find((l) => l.layer === layerIndex);
    if (layer) columns.push({ step: p.step, hNorms: layer.hNorms });
  }
  const T = Math.max(0, ...columns.map((c) => c.hNorms.length));
  return {
    type: 'heatmap',
    title: w.heatmap.title(r?.run.name),
    xLabel: w.trainingStep,
    yLabel: w.timeStep,
    colorLabel: `log₁₀ ${H_NORM_LABEL}${layerIndex === 0 ? '' : w.part('', layerName(layerIndex, opts.lang))}`,
    x: columns.map((c) => c.step),
    y: Array.from({ length: T }, (_, i) => i + 1),
    values: columns.map((c) => Array.from({ length: T }, (_, j) => Math.log10(c.hNorms[j] ?? NaN))),
    missingLabel: w.notAvailable,
  };
}
