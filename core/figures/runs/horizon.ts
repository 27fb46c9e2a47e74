/** The horizon figure: the gradient horizon over training, from its series or each probe's layer. */
import type { GradientProfile, RunSummary, Series } from '../../api/records';
import { ema } from '../../shared/seeds';
import type { Divergence, LineChartData, LineSeries } from '../types';
import type { Lang } from '../../shared/lang';
import { figureWords } from '../words';
import { divergenceOf } from './common';

export interface HorizonRun {
  run: RunSummary;
  series?: Series[];
  /** Used when the run has no `horizon` series: the horizon of each probe's layer. */
  profiles?: GradientProfile[];
}

export interface HorizonChartOptions {
  layer?: number;
  smoothing?: number;
  lang?: Lang;
}

export function horizonChart(runs: HorizonRun[], opts: HorizonChartOptions = {}): LineChartData {
  const series: LineSeries[] = [];
  const divergences: Divergence[] = [];
  runs.forEach((r, ri) => {
    const s = r.series?.find((x) => x.metric === 'horizon');
    let x: number[] = [];
    let y: number[] = [];
    if (s) {
      x = s.step;
      y = s.value;
    } else if (r.profiles) {
      for (const p of [...r.profiles].sort((a, b) => a.step - b.step)) {
        const layer = p.layers.find((l) => l.layer === (opts.layer ?? 0));
        if (!layer) continue;
        x.push(p.step);
        y.push(layer.horizon);
      }
    }
    if (!x.length) return;
    series.push({
      id: `${r.run.id}:horizon`,
      alias: r.run.id,
      label: r.run.name,
      x,
      y: ema(y, opts.smoothing ?? 0),
      colorIndex: ri,
    });
    divergences.push(...divergenceOf(r.run, ri, runs.length > 1, opts.lang));
  });
  return {
    type: 'line',
    title: figureWords(opts.lang).horizon.title,
    xLabel: figureWords(opts.lang).trainingStep,
    yLabel: figureWords(opts.lang).horizon.yLabel,
    logY: false,
    series,
    divergences,
    integerX: true,
  };
}
