/** The gradient-norm figure: ‖∂L/∂θ‖ per run, clipping events marked, the clip threshold drawn. */
import type { RunSummary } from '../../api/records';
import { ema } from '../../shared/seeds';
import { formatNumber } from '../../shared/format';
import type { Divergence, LineChartData, LineSeries } from '../types';
import type { Lang } from '../../shared/lang';
import { figureWords } from '../words';
import { divergenceOf, findSeries, type RunSeries } from './common';

export interface GradNormChartOptions {
  /** Clip threshold line; default parsed from the first run clipping by norm, `null` hides it. */
  clipThreshold?: number | null;
  smoothing?: number;
  lang?: Lang;
}

/** The norm threshold from a run's clip description ("norm 1", "norm:5", "norm(threshold=0.5)"). */
export function clipThresholdOf(run: RunSummary): number | undefined {
  const m = /norm\D*?(\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(run.clip);
  const v = m ? Number(m[1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

export function gradnormChart(runs: RunSeries[], opts: GradNormChartOptions = {}): LineChartData {
  const w = figureWords(opts.lang);
  const series: LineSeries[] = [];
  const divergences: Divergence[] = [];
  runs.forEach((r, ri) => {
    const g = findSeries(r, 'gradNorm');
    if (!g) return;
    const clipped = findSeries(r, 'clipped');
    const events = clipped ? clipped.step.filter((_, i) => (clipped.value[i] ?? 0) >= 0.5) : [];
    series.push({
      id: `${r.run.id}:gradNorm`,
      alias: r.run.id,
      label: r.run.name,
      x: g.step,
      y: ema(g.value, opts.smoothing ?? 0),
      colorIndex: ri,
      events,
      eventLabel: w.gradnorm.clipped,
    });
    divergences.push(...divergenceOf(r.run, ri, runs.length > 1, opts.lang));
  });
  const threshold =
    opts.clipThreshold === null
      ? undefined
      : (opts.clipThreshold ?? runs.map((r) => clipThresholdOf(r.run)).find((v) => v !== undefined));
  return {
    type: 'line',
    title: w.gradnorm.title,
    xLabel: w.trainingStep,
    yLabel: w.gradnorm.yLabel,
    logY: true,
    series,
    hLines: threshold === undefined ? [] : [{ y: threshold, label: w.gradnorm.clipThreshold(formatNumber(threshold)) }],
    divergences,
    integerX: true,
  };
}
