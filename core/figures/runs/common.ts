/** What every chart built from run records shares: the inputs, a series by metric, divergence markers. */
import type { GradientProfile, RunSummary, Series } from '../../api/records';
import type { Lang } from '../../shared/lang';
import type { Divergence } from '../types';
import { figureWords } from '../words';

export interface RunSeries {
  run: RunSummary;
  series: Series[];
}

export interface RunProfiles {
  run: RunSummary;
  profiles: GradientProfile[];
}

export const H_NORM_LABEL = '‖∂L/∂hₜ‖';

export function findSeries(rs: RunSeries, metric: string): Series | undefined {
  return rs.series.find((s) => s.metric === metric);
}

export function divergenceOf(run: RunSummary, colorIndex: number, manyRuns: boolean, lang?: Lang): Divergence[] {
  if (!run.divergence) return [];
  const w = figureWords(lang);
  const diverged = w.divergedAt(run.divergence.step);
  const label = manyRuns ? w.labelled(run.name, diverged) : diverged;
  return [{ x: run.divergence.step, label, colorIndex }];
}

/** Layers are named from 1, as the Builder and the live view name them. */
export const layerName = (index: number, lang?: Lang): string => figureWords(lang).layer(index + 1);
