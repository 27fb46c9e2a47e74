/**
 * Sweep figures: one value per run against another (e.g. the gradient horizon of the initial weights against
 * the spectral radius of Wh). Runs of one sweep form a curve with a marker per run, sorted by x; runs outside
 * any sweep (named initialisations, say) are single labelled markers on the same axes.
 */
import type { GradientProfile, RunSummary, Series } from '../api/records';
import { decayPerStep, gradientRatio, twoSidedHorizon } from '../engine/metrics/profile-fit';
import type { SweepMeasure } from './settings';
import type { Lang } from '../shared/lang';
import type { LineChartData, LineSeries } from './types';
import { FIGURE_WORDS, figureWords } from './words';

export interface SweepRun {
  run: RunSummary;
  series?: Series[];
  profiles?: GradientProfile[];
}

export interface SweepChartOptions {
  x?: SweepMeasure;
  y?: SweepMeasure[];
  /** Probe step whose profile is measured (nearest recorded); default each run's latest. */
  step?: number;
  layer?: number;
  lang?: Lang;
}

/** The measures' names in English (figureWords(lang).sweep.measures has them in each language). */
export const SWEEP_MEASURE_LABELS: Record<SweepMeasure, string> = FIGURE_WORDS.en.sweep.measures;

const HORIZONS = new Set<SweepMeasure>(['horizon', 'twoSidedHorizon']);

function profileAt(profiles: GradientProfile[] | undefined, step: number | undefined): GradientProfile | undefined {
  let best: GradientProfile | undefined;
  for (const p of profiles ?? []) {
    if (!best) best = p;
    else if (
      step === undefined
        ? p.step > best.step
        : Math.abs(p.step - step) < Math.abs(best.step - step) ||
          (Math.abs(p.step - step) === Math.abs(best.step - step) && p.step < best.step)
    )
      best = p;
  }
  return best;
}

/** The measure of one run; NaN where the run does not have it. */
export function sweepMeasure(r: SweepRun, m: SweepMeasure, step?: number, layer = 0): number {
  if (m === 'finalLoss') return r.run.final.loss ?? NaN;
  if (m === 'finalHeldoutLoss') return r.run.final.heldoutLoss ?? NaN;
  const l = profileAt(r.profiles, step)?.layers.find((x) => x.layer === layer);
  if (!l) return NaN;
  switch (m) {
    case 'spectralRadius':
      return l.spectralRadius ?? NaN;
    case 'sigmaMax':
      return l.sigmaMax ?? NaN;
    case 'jacobianBound':
      return l.jacobianBound ?? NaN;
    case 'horizon':
      return l.horizon;
    case 'twoSidedHorizon':
      return twoSidedHorizon(l.hNorms);
    case 'decayRate':
      return decayPerStep(l.hNorms).rate;
    case 'gradRatio':
      return gradientRatio(l.hNorms);
    case 'saturation':
      return l.saturation ?? NaN;
  }
}

/** The shared start of names ("lesson 7: tanh RNN radius=0.5", "… radius=2" → "lesson 7: tanh RNN"). */
function commonName(runs: RunSummary[], fallback: string): string {
  const names = runs.map((r) => r.name);
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.replace(/[\s_\-:/,(=]*[A-Za-z]*\s*=?\s*$/, '').trim();
  return prefix.length >= 3 ? prefix : fallback;
}

export function sweepChart(runs: SweepRun[], opts: SweepChartOptions = {}): LineChartData {
  const w = figureWords(opts.lang);
  const names = w.sweep.measures;
  const xm = opts.x ?? 'spectralRadius';
  const ys = opts.y?.length ? opts.y : (['horizon'] as SweepMeasure[]);
  const groups = new Map<string, SweepRun[]>();
  const single: SweepRun[] = [];
  for (const r of runs) {
    if (r.run.sweepId) groups.set(r.run.sweepId, [...(groups.get(r.run.sweepId) ?? []), r]);
    else single.push(r);
  }
  const series: LineSeries[] = [];
  [...groups.entries()].forEach(([sweepId, members], g) => {
    const label = commonName(
      members.map((m) => m.run),
      w.sweep.defaultName,
    );
    ys.forEach((ym, mi) => {
      const pts = members
        .map((m) => ({ x: sweepMeasure(m, xm, opts.step, opts.layer), y: sweepMeasure(m, ym, opts.step, opts.layer) }))
        .filter((p) => Number.isFinite(p.x))
        .sort((a, b) => a.x - b.x);
      series.push({
        id: `sweep:${sweepId}:${ym}`,
        ...(ys.length === 1 ? { alias: sweepId } : {}),
        label: ys.length > 1 ? w.labelled(label, names[ym]) : label,
        x: pts.map((p) => p.x),
        y: pts.map((p) => p.y),
        markers: true,
        colorIndex: groups.size === 1 ? mi : g,
        dashIndex: mi,
      });
    });
  });
  // Runs outside a sweep: one marker each, on the first measure.
  const offset = groups.size === 1 ? ys.length : groups.size;
  single.forEach((r, k) => {
    const x = sweepMeasure(r, xm, opts.step, opts.layer);
    const y = sweepMeasure(r, ys[0]!, opts.step, opts.layer);
    series.push({
      id: `${r.run.id}:${ys[0]}`,
      alias: r.run.id,
      label: r.run.name,
      x: [x],
      y: [y],
      noLine: true,
      colorIndex: offset + k,
    });
  });
  const allHorizons = ys.every((m) => HORIZONS.has(m));
  const yLabel = allHorizons ? w.horizon.yLabel : names[ys[0]!];
  return {
    type: 'line',
    title: w.sweep.title(allHorizons ? w.sweep.horizonTitle : names[ys[0]!], names[xm]),
    xLabel: names[xm],
    yLabel,
    logY: ys.every((m) => m === 'gradRatio'),
    series,
  };
}
