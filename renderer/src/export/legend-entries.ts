/**
 * The legend entries a figure will have, with the key `settings.legendNames` uses for each, following the
 * series ids and aliases of core/figures/from-runs.ts: a run's id for one curve per run, `runId:metric` when
 * a loss figure shows train and held-out curves, the spec hash (or `group:hash:metric`) for seed groups.
 */
import type { RunDetail } from '../../../core/api/records';
import type { FigureChart, FigureSettingsDefaults } from './figure-options';
import { groupLabels } from '../../../core/shared/labels';

export interface LegendEntry {
  key: string;
  label: string;
}

const LOSS_METRICS = [
  { metric: 'loss', label: 'train' },
  { metric: 'heldoutLoss', label: 'held-out' },
] as const;

export function legendEntries(
  chart: FigureChart,
  runs: readonly RunDetail[],
  d: FigureSettingsDefaults,
): LegendEntry[] {
  if (chart === 'heatmap') return [];
  if (chart !== 'loss') return runs.map((r) => ({ key: r.id, label: r.name }));
  const wanted = d.metrics ?? LOSS_METRICS.map((m) => m.metric);
  const metrics = LOSS_METRICS.filter(
    (m) => wanted.includes(m.metric) && runs.some((r) => r.metrics.includes(m.metric)),
  );
  const two = metrics.length > 1;
  if (!d.groupSeeds) {
    return runs.flatMap((r) =>
      metrics.map((m) =>
        two ? { key: `${r.id}:${m.metric}`, label: `${r.name}, ${m.label}` } : { key: r.id, label: r.name },
      ),
    );
  }
  const groups = new Map<string, RunDetail[]>();
  for (const r of runs) groups.set(r.specHash, [...(groups.get(r.specHash) ?? []), r]);
  const labels = groupLabels([...groups.values()]);
  return [...groups.keys()].flatMap((hash, g) => {
    const label = labels[g]!;
    return metrics.map((m) =>
      two ? { key: `group:${hash}:${m.metric}`, label: `${label}, ${m.label}` } : { key: hash, label },
    );
  });
}
