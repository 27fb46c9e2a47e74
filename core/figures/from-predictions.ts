/**
 * Predictions against targets: a scatter per run of the stored series `predicted` against `target` (one
 * point per held-out value, as lesson 8 stores them), with the line prediction = target for reference.
 * Outputs that are NaN or ±∞ cannot be placed; the legend says how many there were.
 */
import type { RunSummary, Series } from '../api/records';
import type { Lang } from '../shared/lang';
import type { LineChartData, LineSeries } from './types';
import { figureWords } from './words';

export interface PredictionRun {
  run: RunSummary;
  series: Series[];
}

export const PREDICTION_SERIES = { predicted: 'predicted', target: 'target' } as const;

export function predictionsChart(runs: PredictionRun[], opts: { lang?: Lang } = {}): LineChartData {
  const w = figureWords(opts.lang).predictions;
  const series: LineSeries[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  runs.forEach((r, ri) => {
    const p = r.series.find((s) => s.metric === PREDICTION_SERIES.predicted);
    const t = r.series.find((s) => s.metric === PREDICTION_SERIES.target);
    if (!p || !t) return;
    const n = Math.min(p.value.length, t.value.length);
    const x = t.value.slice(0, n);
    const y = p.value.slice(0, n);
    const bad = y.filter((v) => !Number.isFinite(v)).length;
    for (const v of x) {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    const nanText = bad === 0 ? '' : w.nonFinite(bad, n);
    series.push({
      id: `${r.run.id}:predictions`,
      alias: r.run.id,
      label: `${r.run.name}${nanText}`,
      x,
      y,
      noLine: true,
      colorIndex: ri,
    });
  });
  if (lo < hi) series.push({ id: 'identity', label: w.identity, x: [lo, hi], y: [lo, hi], reference: true });
  return {
    type: 'line',
    title: w.title,
    xLabel: w.target,
    yLabel: w.prediction,
    logY: false,
    series,
  };
}
