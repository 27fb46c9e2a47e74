/**
 * Adapters from the lab's records (RunSummary, Series, GradientProfile as core/api/records.ts defines them)
 * to the renderer's plain inputs. One per chart kind in FIGURE_CHARTS; each picks the default title, axis
 * labels and scale that a paper would use for that chart, which the user can still override in settings.
 */
import type { GradientProfile, LayerProfile, RunSummary, Series } from '../api/records';
import { ema, meanStd } from '../shared/seeds';
import { formatNumber } from '../shared/format';
import { groupLabel } from '../shared/labels';
import type { Divergence, HeatmapData, HLine, LineChartData, LineSeries } from './types';

export interface RunSeries {
  run: RunSummary;
  series: Series[];
}

export interface RunProfiles {
  run: RunSummary;
  profiles: GradientProfile[];
}

export const LOSS_METRICS = ['loss', 'heldoutLoss'] as const;
export type LossMetric = (typeof LOSS_METRICS)[number];

const METRIC_NAMES: Record<LossMetric, string> = { loss: 'train', heldoutLoss: 'held-out' };

export const H_NORM_LABEL = '‖∂L/∂hₜ‖';

function findSeries(rs: RunSeries, metric: string): Series | undefined {
  return rs.series.find((s) => s.metric === metric);
}

function divergenceOf(run: RunSummary, colorIndex: number, manyRuns: boolean): Divergence[] {
  if (!run.divergence) return [];
  const label = `${manyRuns ? `${run.name}: ` : ''}diverged at step ${run.divergence.step}`;
  return [{ x: run.divergence.step, label, colorIndex }];
}

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
}

/** x values of a series: its steps, or its wall times in seconds. */
const xOf = (s: Series, xAxis: 'step' | 'wall'): number[] => (xAxis === 'wall' ? s.wallMs.map((w) => w / 1000) : [...s.step]);

/** Where a step falls on the x axis: itself, or the wall time (s) of the nearest recorded step at or before it. */
function xAtStep(s: Series | undefined, step: number, xAxis: 'step' | 'wall'): number | undefined {
  if (xAxis === 'step') return step;
  if (!s || !s.step.length) return undefined;
  let i = s.step.length - 1;
  while (i > 0 && s.step[i]! > step) i--;
  return s.wallMs[i]! / 1000;
}

export function lossChart(runs: RunSeries[], opts: LossChartOptions = {}): LineChartData {
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
    [...groups.entries()].forEach(([hash, members], g) => {
      const label = groupLabel(members.map((m) => m.run));
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
        const band = opts.band === 'minmax' ? { lo: agg.min, hi: agg.max } : { lo: agg.mean.map((m, i) => m - (agg.std[i] ?? 0)), hi: agg.mean.map((m, i) => m + (agg.std[i] ?? 0)) };
        series.push({
          id: `group:${hash}:${metric}`,
          alias: twoMetrics ? undefined : hash,
          label: twoMetrics ? `${label}, ${METRIC_NAMES[metric]}` : label,
          x: wall ? wall.mean : agg.x,
          y: agg.mean,
          band,
          colorIndex: g,
          dashIndex: twoMetrics ? mi : g,
        });
      });
      for (const m of members) divergences.push(...placed(m, divergenceOf(m.run, g, runs.length > 1)));
    });
  } else {
    runs.forEach((r, ri) => {
      metrics.forEach((metric, mi) => {
        const s = findSeries(r, metric);
        if (!s) return;
        series.push({
          id: `${r.run.id}:${metric}`,
          alias: twoMetrics ? undefined : r.run.id,
          label: twoMetrics ? `${r.run.name}, ${METRIC_NAMES[metric]}` : r.run.name,
          x: xOf(s, xAxis),
          y: ema(s.value, smoothing),
          colorIndex: ri,
          dashIndex: twoMetrics ? mi : ri,
        });
      });
      divergences.push(...placed(r, divergenceOf(r.run, ri, runs.length > 1)));
    });
  }
  const hLines: HLine[] = [];
  if (opts.baseline !== undefined) {
    hLines.push(typeof opts.baseline === 'number' ? { y: opts.baseline, label: `baseline ${formatNumber(opts.baseline)}` } : opts.baseline);
  }
  const only = metrics.length === 1 ? metrics[0] : undefined;
  return {
    type: 'line',
    title: only === 'heldoutLoss' ? 'Held-out loss' : only === 'loss' ? 'Training loss' : 'Loss',
    xLabel: xAxis === 'wall' ? 'wall time (s)' : 'training step',
    yLabel: only === 'heldoutLoss' ? 'held-out loss' : 'loss',
    logY: false,
    series,
    hLines,
    divergences,
    integerX: xAxis === 'step',
  };
}

export interface ProfileChartOptions {
  /** Probe step to show; the nearest recorded one is used. Default: each run's latest profile. */
  step?: number;
  /** Layer index; default 0 (the layer nearest the input, where vanishing is worst). */
  layer?: number;
  /** Draw the theory bound ‖∂L/∂h_T‖·(γσ_max)^(T−t) where the profile has it. Default true. */
  bound?: boolean;
}

function pickProfile(profiles: GradientProfile[], step: number | undefined): GradientProfile | undefined {
  let best: GradientProfile | undefined;
  for (const p of profiles) {
    if (!best) best = p;
    else if (step === undefined ? p.step > best.step : Math.abs(p.step - step) < Math.abs(best.step - step) || (Math.abs(p.step - step) === Math.abs(best.step - step) && p.step < best.step)) best = p;
  }
  return best;
}

/** Bound curve computed in log space: (γσ)^(T−t) overflows doubles long before it leaves a log axis. */
function boundCurve(layer: LayerProfile): number[] | null {
  const bound = layer.jacobianBound;
  const T = layer.hNorms.length;
  const last = layer.hNorms[T - 1];
  if (bound === undefined || !(bound > 0) || !Number.isFinite(bound) || last === undefined || !(last > 0) || !Number.isFinite(last)) return null;
  const l0 = Math.log10(last);
  const lb = Math.log10(bound);
  return layer.hNorms.map((_, i) => 10 ** (l0 + (T - 1 - i) * lb));
}

export function profileChart(runs: RunProfiles[], opts: ProfileChartOptions = {}): LineChartData {
  const layerIndex = opts.layer ?? 0;
  const series: LineSeries[] = [];
  const refs: LineSeries[] = [];
  const steps = new Set<number>();
  runs.forEach((r, ri) => {
    const profile = pickProfile(r.profiles, opts.step);
    const layer = profile?.layers.find((l) => l.layer === layerIndex);
    if (!profile || !layer) return;
    steps.add(profile.step);
    const t = layer.hNorms.map((_, i) => i + 1);
    series.push({ id: `${r.run.id}:profile`, alias: r.run.id, label: r.run.name, x: t, y: [...layer.hNorms], colorIndex: ri });
    const b = opts.bound === false ? null : boundCurve(layer);
    if (b) {
      refs.push({
        id: `${r.run.id}:bound`,
        label: `bound (γσₘₐₓ = ${formatNumber(layer.jacobianBound as number, 3)})${runs.length > 1 ? `, ${r.run.name}` : ''}`,
        x: t,
        y: b,
        reference: true,
        colorIndex: runs.length > 1 ? ri : undefined,
      });
    }
  });
  if (refs.length > 1) {
    // One legend entry for all bounds: each takes its run's colour, so per-run entries would only repeat names.
    for (const r of refs) r.hideInLegend = true;
    refs.push({ id: 'bound', label: 'theory bound', x: [], y: [], reference: true });
  }
  const stepText = steps.size === 1 ? ` at step ${[...steps][0]}` : '';
  return {
    type: 'line',
    title: `Gradient norm through time${stepText}`,
    xLabel: 'time step t',
    yLabel: layerIndex === 0 ? H_NORM_LABEL : `${H_NORM_LABEL}, layer ${layerIndex}`,
    logY: true,
    series: [...series, ...refs],
    integerX: true,
  };
}

export interface HeatmapChartOptions {
  layer?: number;
}

/** log10 ‖∂L/∂h_t‖ over probe steps × t for one run (the first given: a heatmap shows a single run). */
export function heatmapChart(runs: RunProfiles[] | RunProfiles, opts: HeatmapChartOptions = {}): HeatmapData {
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
    title: r ? `${r.run.name}: gradient norm over training` : 'Gradient norm over training',
    xLabel: 'training step',
    yLabel: 'time step t',
    colorLabel: `log₁₀ ${H_NORM_LABEL}${layerIndex === 0 ? '' : `, layer ${layerIndex}`}`,
    x: columns.map((c) => c.step),
    y: Array.from({ length: T }, (_, i) => i + 1),
    values: columns.map((c) => Array.from({ length: T }, (_, j) => Math.log10(c.hNorms[j] ?? NaN))),
    missingLabel: 'n/a',
  };
}

export interface HorizonRun {
  run: RunSummary;
  series?: Series[];
  /** Used when the run has no `horizon` series: the horizon of each probe's layer. */
  profiles?: GradientProfile[];
}

export interface HorizonChartOptions {
  layer?: number;
  smoothing?: number;
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
    series.push({ id: `${r.run.id}:horizon`, alias: r.run.id, label: r.run.name, x, y: ema(y, opts.smoothing ?? 0), colorIndex: ri });
    divergences.push(...divergenceOf(r.run, ri, runs.length > 1));
  });
  return {
    type: 'line',
    title: 'Gradient horizon',
    xLabel: 'training step',
    yLabel: 'horizon (time steps)',
    logY: false,
    series,
    divergences,
    integerX: true,
  };
}

export interface GradNormChartOptions {
  /** Clip threshold line; default parsed from the first run clipping by norm, `null` hides it. */
  clipThreshold?: number | null;
  smoothing?: number;
}

/** The norm threshold from a run's clip description ("norm 1", "norm:5", "norm(threshold=0.5)"). */
export function clipThresholdOf(run: RunSummary): number | undefined {
  const m = /norm\D*?(\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(run.clip);
  const v = m ? Number(m[1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

export function gradnormChart(runs: RunSeries[], opts: GradNormChartOptions = {}): LineChartData {
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
      eventLabel: 'clipped',
    });
    divergences.push(...divergenceOf(r.run, ri, runs.length > 1));
  });
  const threshold = opts.clipThreshold === null ? undefined : (opts.clipThreshold ?? runs.map((r) => clipThresholdOf(r.run)).find((v) => v !== undefined));
  return {
    type: 'line',
    title: 'Gradient norm',
    xLabel: 'training step',
    yLabel: '‖∂L/∂θ‖ (before clipping)',
    logY: true,
    series,
    hLines: threshold === undefined ? [] : [{ y: threshold, label: `clip threshold ${formatNumber(threshold)}` }],
    divergences,
    integerX: true,
  };
}
