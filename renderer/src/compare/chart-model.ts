/**
 * From fetched records to the curves a Compare chart draws: one per run, or one mean curve with a band per
 * group of seeds (runs sharing a specHash). Colour and dash slots come from core/shared/palette.ts's
 * curveSlots, as in the exported figure, so the figure looks like the chart on screen.
 */
import type { GradientProfile, RunSummary, Series } from '../../../core/api/records';
import { curveSlots, lineStyle, type LineStyle } from '../../../core/shared/palette';
import { ema, meanStd, seedBand, type BandKind } from '../../../core/shared/seeds';
import { groupLabels } from '../../../core/shared/labels';
import type { PlotSeries } from '../charts/plot-series';

export type { PlotSeries };

const slotStyle = (run: number, metric: number, count: number): LineStyle => {
  const { colorIndex, dashIndex } = curveSlots(run, metric, count);
  return lineStyle(colorIndex, dashIndex);
};

export type XMode = 'step' | 'wall';
export type GroupMode = 'none' | BandKind;

/** The seeds' mean and band, by core/shared/seeds.ts's rule (the exported figure's own). */
function aggregate(members: readonly { x: readonly number[]; y: readonly number[] }[], kind: BandKind) {
  const agg = meanStd(members);
  return { x: agg.x, mean: agg.mean, ...seedBand(agg, kind) };
}

/** A Compare curve: the charts' one series type, always naming the runs it draws. */
export type CompareSeries = PlotSeries & { runIds: string[] };

export interface CurveRun {
  /** A run's summary, with its spec where known (Compare passes the detail): seed groups are named by it. */
  summary: RunSummary & { spec?: unknown };
  series: ReadonlyMap<string, Series>;
}

export interface CurveOptions {
  smoothing: number;
  group: GroupMode;
  x: XMode;
}

/** Runs grouped by specHash, groups in order of first appearance (the figures' order). */
export function seedGroups<T extends { summary: RunSummary }>(runs: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of runs) groups.set(r.summary.specHash, [...(groups.get(r.summary.specHash) ?? []), r]);
  return [...groups.values()];
}

function xOf(s: Series, mode: XMode): number[] {
  return mode === 'wall' ? s.wallMs.map((ms) => ms / 1000) : [...s.step];
}

/**
 * Curves of one or more metrics. With two metrics (train and held-out loss) colour follows the run and dash
 * follows the metric, as in the exported loss figure; with one, both follow the run.
 */
export function metricCurves(
  runs: readonly CurveRun[],
  metrics: readonly { metric: string; label: string }[],
  o: CurveOptions,
): CompareSeries[] {
  const two = metrics.length > 1;
  const out: CompareSeries[] = [];
  if (o.group === 'none') {
    runs.forEach((r, ri) => {
      metrics.forEach((m, mi) => {
        const s = r.series.get(m.metric);
        if (!s || s.step.length === 0) return;
        out.push({
          key: `${r.summary.id}:${m.metric}`,
          // The figure's series ids and aliases (core/figures/runs), so user legend names key the same way.
          alias: two ? undefined : r.summary.id,
          label: two ? `${r.summary.name}, ${m.label}` : r.summary.name,
          style: slotStyle(ri, mi, metrics.length),
          x: xOf(s, o.x),
          y: ema(s.value, o.smoothing),
          runIds: [r.summary.id],
        });
      });
    });
    return out;
  }
  const kind = o.group;
  const groups = seedGroups(runs);
  const labels = groupLabels(groups.map((members) => members.map((m) => m.summary)));
  groups.forEach((members, g) => {
    const label = labels[g]!;
    metrics.forEach((m, mi) => {
      const curves = members.flatMap((r) => {
        const s = r.series.get(m.metric);
        return s && s.step.length ? [{ x: xOf(s, o.x), y: ema(s.value, o.smoothing) }] : [];
      });
      if (!curves.length) return;
      const band = aggregate(curves, kind);
      out.push({
        key: `group:${members[0]?.summary.specHash}:${m.metric}`,
        alias: two ? undefined : members[0]?.summary.specHash,
        label: two ? `${label}, ${m.label}` : label,
        style: slotStyle(g, mi, metrics.length),
        x: band.x,
        y: band.mean,
        ...(members.length > 1 ? { lo: band.lo, hi: band.hi } : {}),
        runIds: members.map((r) => r.summary.id),
      });
    });
  });
  return out;
}

/** ‖∂L/∂h_t‖ against t (layer `layer`) for each run's chosen profile, or per group of seeds. */
export function profileCurves(
  runs: readonly { summary: RunSummary; profile: GradientProfile | undefined }[],
  layer: number,
  group: GroupMode,
): CompareSeries[] {
  const withData = runs.flatMap((r, ri) => {
    const l = r.profile?.layers.find((x) => x.layer === layer);
    return l
      ? [{ summary: r.summary, index: ri, step: r.profile?.step, x: l.hNorms.map((_, i) => i + 1), y: [...l.hNorms] }]
      : [];
  });
  if (group === 'none') {
    return withData.map((r) => ({
      key: `${r.summary.id}:profile`,
      alias: r.summary.id,
      label: r.summary.name,
      style: lineStyle(r.index),
      x: r.x,
      y: r.y,
      runIds: [r.summary.id],
    }));
  }
  const groups = seedGroups(withData);
  const labels = groupLabels(groups.map((members) => members.map((m) => m.summary)));
  return groups.map((members, g) => {
    const band = aggregate(members, group);
    return {
      key: `group:${members[0]?.summary.specHash}:profile`,
      alias: members[0]?.summary.specHash,
      label: labels[g]!,
      style: lineStyle(g),
      x: band.x,
      y: band.mean,
      ...(members.length > 1 ? { lo: band.lo, hi: band.hi } : {}),
      runIds: members.map((m) => m.summary.id),
    };
  });
}
