/**
 * Adapters from the lab's records (RunSummary, Series, GradientProfile as core/api/records.ts defines them)
 * to the renderer's plain inputs, one file per chart under ./runs/; each picks the default title, axis
 * labels and scale that a paper would use for that chart, which the user can still override in settings.
 */
export { H_NORM_LABEL, layerName, type RunSeries, type RunProfiles } from './runs/common';
export { lossChart, LOSS_METRICS, type LossMetric, type LossChartOptions } from './runs/loss';
export { profileChart, type ProfileChartOptions } from './runs/profile';
export { heatmapChart, type HeatmapChartOptions } from './runs/heatmap';
export { horizonChart, type HorizonRun, type HorizonChartOptions } from './runs/horizon';
export { gradnormChart, clipThresholdOf, type GradNormChartOptions } from './runs/gradnorm';
