/**
 * One record per figure chart, as cells and tasks have theirs: what the chart needs from the store and how
 * its data is built from runs and settings. chartFromRuns and the host's figure export read it; a chart in
 * FIGURE_CHARTS without a record fails to type-check.
 */
import type { FIGURE_CHARTS } from '../api/contract';
import type { GradientProfile, RunSummary, Series } from '../api/records';
import { gradnormChart, heatmapChart, horizonChart, lossChart, profileChart } from './from-runs';
import { predictionsChart } from './from-predictions';
import { sweepChart } from './from-sweep';
import type { FigureSettings } from './settings';
import type { ChartData } from './types';

export type FigureChart = (typeof FIGURE_CHARTS)[number];

/** What the host has fetched for each requested run; each chart uses the parts it needs. */
export interface FigureRunInput {
  run: RunSummary;
  series?: Series[];
  profiles?: GradientProfile[];
}

export interface FigureChartRecord {
  /** The stored parts the chart reads (the host fetches only these). */
  needs: { series: boolean; profiles: boolean };
  build(runs: FigureRunInput[], s: FigureSettings): ChartData;
}

const series = (runs: FigureRunInput[]) => runs.map((r) => ({ run: r.run, series: r.series ?? [] }));
const profiles = (runs: FigureRunInput[]) => runs.map((r) => ({ run: r.run, profiles: r.profiles ?? [] }));

export const FIGURE_CHART_REGISTRY: Record<FigureChart, FigureChartRecord> = {
  loss: {
    needs: { series: true, profiles: false },
    build: (runs, s) =>
      lossChart(series(runs), {
        metrics: s.metrics,
        groupSeeds: s.groupSeeds,
        baseline: s.baseline,
        smoothing: s.smoothing,
        band: s.band,
        xAxis: s.xAxis,
        lang: s.lang,
      }),
  },
  profile: {
    needs: { series: false, profiles: true },
    build: (runs, s) =>
      profileChart(profiles(runs), { step: s.probeStep, layer: s.layer, bound: s.theoryBound, lang: s.lang }),
  },
  heatmap: {
    needs: { series: false, profiles: true },
    build: (runs, s) => heatmapChart(profiles(runs), { layer: s.layer, lang: s.lang }),
  },
  horizon: {
    // The horizon series when stored, else each probe's layer.
    needs: { series: true, profiles: true },
    build: (runs, s) => horizonChart(runs, { layer: s.layer, smoothing: s.smoothing, lang: s.lang }),
  },
  gradnorm: {
    needs: { series: true, profiles: false },
    build: (runs, s) =>
      gradnormChart(series(runs), { clipThreshold: s.clipThreshold, smoothing: s.smoothing, lang: s.lang }),
  },
  sweep: {
    needs: { series: false, profiles: true },
    build: (runs, s) => sweepChart(runs, { x: s.sweepX, y: s.sweepY, step: s.probeStep, layer: s.layer, lang: s.lang }),
  },
  predictions: {
    needs: { series: true, profiles: false },
    build: (runs, s) => predictionsChart(series(runs), { lang: s.lang }),
  },
};
