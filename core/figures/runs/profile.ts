/** The gradient-flow figure: ‖∂L/∂hₜ‖ against t at one probe step, per run and layer, with the theory bound. */
import type { GradientProfile, LayerProfile } from '../../api/records';
import { formatNumber } from '../../shared/format';
import type { LineChartData, LineSeries } from '../types';
import type { Lang } from '../../shared/lang';
import { figureWords } from '../words';
import { H_NORM_LABEL, layerName, type RunProfiles } from './common';

export interface ProfileChartOptions {
  /** Probe step to show; the nearest recorded one is used. Default: each run's latest profile. */
  step?: number;
  /**
   * Layer index (0 = nearest the input); default every layer, one curve each, as the live view draws them. A
   * chosen layer is named in the title, so a figure of layer 2 never reads as the whole model.
   */
  layer?: number;
  /** Draw the theory bound ‖∂L/∂h_T‖·(γσ_max)^(T−t) where the profile has it. Default true. */
  bound?: boolean;
  lang?: Lang;
}

function pickProfile(profiles: GradientProfile[], step: number | undefined): GradientProfile | undefined {
  let best: GradientProfile | undefined;
  for (const p of profiles) {
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

/** Bound curve computed in log space: (γσ)^(T−t) overflows doubles long before it leaves a log axis. */
function boundCurve(layer: LayerProfile): number[] | null {
  const bound = layer.jacobianBound;
  const T = layer.hNorms.length;
  const last = layer.hNorms[T - 1];
  if (
    bound === undefined ||
    !(bound > 0) ||
    !Number.isFinite(bound) ||
    last === undefined ||
    !(last > 0) ||
    !Number.isFinite(last)
  )
    return null;
  const l0 = Math.log10(last);
  const lb = Math.log10(bound);
  return layer.hNorms.map((_, i) => 10 ** (l0 + (T - 1 - i) * lb));
}

export function profileChart(runs: RunProfiles[], opts: ProfileChartOptions = {}): LineChartData {
  const w = figureWords(opts.lang);
  const series: LineSeries[] = [];
  const refs: LineSeries[] = [];
  const steps = new Set<number>();
  const picked = runs.map((r) => ({ r, profile: pickProfile(r.profiles, opts.step) }));
  const layersOf = (p: GradientProfile | undefined) =>
    p ? p.layers.filter((l) => opts.layer === undefined || l.layer === opts.layer) : [];
  // Layers are told apart by dash when runs take the colours, by colour when one run shows its layers.
  const manyLayers = opts.layer === undefined && picked.some(({ profile }) => layersOf(profile).length > 1);
  const manyRuns = runs.length > 1;
  picked.forEach(({ r, profile }, ri) => {
    const layers = layersOf(profile);
    if (!profile || !layers.length) return;
    steps.add(profile.step);
    for (const layer of layers) {
      const t = layer.hNorms.map((_, i) => i + 1);
      const named = manyLayers
        ? manyRuns
          ? w.part(r.run.name, layerName(layer.layer, opts.lang))
          : layerName(layer.layer, opts.lang)
        : r.run.name;
      const colorIndex = manyRuns || !manyLayers ? ri : layer.layer;
      series.push({
        id: `${r.run.id}:profile${manyLayers ? `:${layer.layer}` : ''}`,
        alias: manyLayers ? undefined : r.run.id,
        label: named,
        x: t,
        y: [...layer.hNorms],
        colorIndex,
        ...(manyLayers && manyRuns ? { dashIndex: layer.layer } : {}),
      });
      const b = opts.bound === false ? null : boundCurve(layer);
      if (b) {
        refs.push({
          id: `${r.run.id}:bound${manyLayers ? `:${layer.layer}` : ''}`,
          label: ((bound) => (manyRuns || manyLayers ? w.part(bound, named) : bound))(
            w.profile.bound(formatNumber(layer.jacobianBound as number, 3)),
          ),
          x: t,
          y: b,
          reference: true,
          colorIndex: manyRuns || manyLayers ? colorIndex : undefined,
        });
      }
    }
  });
  if (refs.length > 1) {
    // One legend entry for all bounds: each takes its curve's colour, so per-curve entries would only repeat names.
    for (const r of refs) r.hideInLegend = true;
    refs.push({ id: 'bound', label: w.profile.theoryBound, x: [], y: [], reference: true });
  }
  const layer = opts.layer === undefined ? undefined : layerName(opts.layer, opts.lang);
  return {
    type: 'line',
    title: w.profile.title(steps.size === 1 ? [...steps][0] : undefined, layer),
    xLabel: w.timeStep,
    yLabel: layer === undefined ? H_NORM_LABEL : w.part(H_NORM_LABEL, layer),
    logY: true,
    series: [...series, ...refs],
    integerX: true,
  };
}
