/** The loss figure: train and held-out loss per run, or per seed group as mean and band. */
import type { Series } from '../../api/records';
import { ema, meanStd } from '../../shared/seeds';
import { formatNumber } from '../../shared/format';
import { groupLabels } from '../../shared/labels';
import type { Divergence, HLine, LineChartData, LineSeries } from '../types';
import type { Lang } from '../../shared/lang';
import { figureWords } from '../words';
import { divergenceOf, findSeries, type RunSeries } from './common';

export const LOSS_METRICS = ['loss', 'heldoutLoss'] as const;
export type LossMetric = (typeof LOSS_METRICS)[number];

export interface LossChartOptions {
  /** Which curves per run; defaults to those present among train and held-out loss. */
  metrics?: LossMetric[];
  /** Mean ± std over runs with the same spec (seeds), one curve and band per spec. */
  groupSeeds?: boolean;
  /** A horizontal reference, e.g. chance-level loss (0.1667 for the adding problem). */
  baseline?: number | HLine;
  /** EMA weight (0 = off). */
  smoothing?: number;
  /** With groupSeeds: the band around the mean, ± std (default) or the seeds' min–max. */
  band?: 'std' | 'minmax';
  /** x: the training step (default) or wall time in seconds (grouped: the seeds' mean wall time at each step). */
  xAxis?: 'step' | 'wall';
  lang?: Lang;
}

/** x values of a series: its steps, or its wall times in seconds. */
const xOf = (s: Series, xAxis: 'step' | 'wall'): number[] =>
  xAxis === 'wall' ? s.wallMs.map((w) => w / 1000) : [...s.step];

/** Where a step falls on the x axis: itself, or the wall time (s) of the nearest recorded step at or before it. */
function xAtStep(s: Series | undefined, step: number, xAxis: 'step' | 'wall'): number | undefined {
  if (xAxis === 'step') return step;
  if (!s || !s.step.length) return undefined;
  let i = s.step.length - 1;
  while (i > 0 && s.step[i]! > step) i--;
  return s.wallMs[i]! / 1000;
}

export function lossChart(runs: RunSeries[], opts: LossChartOptions = {}): LineChartData {
  const w = figureWords(opts.lang);
  const smoothing = opts.smoothing ?? 0;
  const metrics = (opts.metrics ?? [...LOSS_METRICS]).filter((m) => runs.some((r) => findSeries(r, m)));
  const twoMetrics = metrics.length > 1;
  const series: LineSeries[] = [];
  const divergences: Divergence[] = [];
  const xAxis = opts.xAxis ?? 'step';
  // Divergence markers sit at their step, or at that step's wall time.
  const placed = (rs: RunSeries, ds: Divergence[]): Divergence[] =>
    ds.flatMap((d) => {
      const x = xAtStep(findSeries(rs, 'loss'), d.x, xAxis);
      return x === undefined ? [] : [{ ...d, x }];
    });

  if (opts.groupSeeds) {
    const groups = new Map<string, RunSeries[]>();
    for (const r of runs) groups.set(r.run.specHash, [...(groups.get(r.run.specHash) ?? []), r]);
    const labels = groupLabels(
      [...groups.values()].map((members) => members.map((m) => m.run)),
      w.group,
    );
    [...groups.entries()].forEach(([hash, members], g) => {
      const label = labels[g]!;
      metrics.forEach((metric, mi) => {
        const curves = members.flatMap((m) => {
          const s = findSeries(m, metric);
          return s ? [{ x: s.step, y: ema(s.value, smoothing) }] : [];
        });
        if (!curves.length) return;
        const agg = meanStd(curves);
        // Seeds align on steps; on a wall-time axis each step sits at the seeds' mean wall time.
        const wall =
          xAxis === 'wall'
            ? meanStd(
                members.flatMap((m) => {
                  const s = findSeries(m, metric);
                  return s ? [{ x: s.step, y: s.wallMs.map((w) => w / 1000) }] : [];
                }),
              )
            : null;
        const band =
          opts.band === 'minmax'
            ? { lo: agg.min, hi: agg.max }
            : { lo: agg.mean.map((m, i) => m - (agg.std[i] ?? 0)), hi: agg.mean.map((m, i) => m + (agg.std[i] ?? 0)) };
        series.push({
          id: `group:${hash}:${metric}`,
          alias: twoMetrics ? undefined : hash,
          label: twoMetrics ? w.part(label, w.loss.metric[metric]) : label,
          x: wall ? wall.mean : agg.x,
          y: agg.mean,
          band,
          colorIndex: g,
          dashIndex: twoMetrics ? mi : g,
        });
      });
      for (const m of members) divergences.push(...placed(m, divergenceOf(m.run, g, runs.length > 1, opts.lang)));
    });
  } else {
    runs.forEach((r, ri) => {
      metrics.forEach((metric, mi) => {
        const s = findSeries(r, metric);
        if (!s) return;
        series.push({
          id: `${r.run.id}:${metric}`,
          alias: twoMetrics ? undefined : r.run.id,
          label: twoMetrics ? w.part(r.run.name, w.loss.metric[metric]) : r.run.name,
          x: xOf(s, xAxis),
          y: ema(s.value, smoothing),
          colorIndex: ri,
          dashIndex: twoMetrics ? mi : ri,
        });
      });
      divergences.push(...placed(r, divergenceOf(r.run, ri, runs.length > 1, opts.lang)));
    });
  }
  const hLines: HLine[] = [];
  if (opts.baseline !== undefined) {
    hLines.push(
      typeof opts.baseline === 'number'
        ? { y: opts.baseline, label: w.loss.baseline(formatNumber(opts.baseline)) }
        : opts.baseline,
    );
  }
  const only = metrics.length === 1 && metrics[0] ? metrics[0] : 'both';
  return {
    type: 'line',
    title: w.loss.title[only],
    xLabel: xAxis === 'wall' ? w.wallTime : w.trainingStep,
    yLabel: w.loss.yLabel[only],
    logY: false,
    series,
    hLines,
    divergences,
    integerX: xAxis === 'step',
  };
}
