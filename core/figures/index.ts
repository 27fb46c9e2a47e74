/**
 * Paper figures: a pure function from (chart data, settings) to an SVG string, and exports of that SVG as
 * SVG, PNG, PDF, plus the plotted data as CSV. The UI's Export and the CLI's `gradlab figure` both come
 * through `renderFigure`/`figureFromRuns`, which is what makes their files byte-identical.
 */
import type { FIGURE_FORMATS } from '../api/contract';
import { renderHeatmapSvg } from './charts/heatmap';
import { renderLineSvg } from './charts/line';
import { heatmapCsv, lineCsv } from './export/csv';
import { svgToPdf } from './export/pdf';
import { svgToPng } from './export/png';
import { renderHeatmapTex, renderLineTex } from './export/tex';
import { FIGURE_CHART_REGISTRY, type FigureChart, type FigureRunInput } from './chart-registry';
import { parseFigureSettings, type FigureSettings, type FigureSettingsInput } from './settings';
import { figureSize } from '../shared/figure-size';
import type { ChartData } from './types';

export { FIGURE_CHART_REGISTRY, type FigureChart, type FigureRunInput, type FigureChartRecord } from './chart-registry';
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface FigureFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
  /** Files the figure reads from beside it (pgfplots: its CSV data). */
  companions?: { bytes: Uint8Array; mime: string; fileName: string }[];
}

export const FIGURE_MIME: Record<FigureFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  csv: 'text/csv',
  tex: 'application/x-tex',
};

/** Settings may come raw (user input, defaults missing) or already parsed; parsing is idempotent. */
function settingsOf(settings: FigureSettingsInput | FigureSettings | undefined): FigureSettings {
  return parseFigureSettings(settings ?? {});
}

/** The figure as a standalone SVG document (string). Deterministic: same input, same bytes. */
export function renderSvg(data: ChartData, settings?: FigureSettingsInput | FigureSettings): string {
  const s = settingsOf(settings);
  return data.type === 'heatmap' ? renderHeatmapSvg(data, s) : renderLineSvg(data, s);
}

/** The plotted data as CSV (see export/csv.ts for the layout). */
export function renderCsv(data: ChartData, settings?: FigureSettingsInput | FigureSettings): string {
  const s = settingsOf(settings);
  return data.type === 'heatmap' ? heatmapCsv(data) : lineCsv(data, s);
}

export async function renderFigure(
  kind: FigureChart,
  format: FigureFormat,
  data: ChartData,
  settings?: FigureSettingsInput | FigureSettings,
): Promise<FigureFile> {
  const s = settingsOf(settings);
  const fileName = `${s.fileName ?? `gradlab-${kind}`}.${format}`;
  const mime = FIGURE_MIME[format];
  if (format === 'csv') return { bytes: new TextEncoder().encode(renderCsv(data, s)), mime, fileName };
  if (format === 'tex') {
    const base = fileName.replace(/\.tex$/, '');
    const t = data.type === 'heatmap' ? renderHeatmapTex(data, s, base) : renderLineTex(data, s, base);
    const enc = new TextEncoder();
    return {
      bytes: enc.encode(t.tex),
      mime,
      fileName,
      ...(t.csv !== null
        ? { companions: [{ bytes: enc.encode(t.csv), mime: 'text/csv', fileName: `${base}.csv` }] }
        : {}),
    };
  }
  const svg = renderSvg(data, s);
  if (format === 'svg') return { bytes: new TextEncoder().encode(svg), mime, fileName };
  const size = figureSize(s);
  if (format === 'png') return { bytes: svgToPng(svg, { widthIn: size.widthIn, dpi: s.dpi }), mime, fileName };
  const title = s.title ?? data.title;
  return {
    bytes: await svgToPdf(svg, { widthPt: size.widthPt, heightPt: size.heightPt, title: title || kind }),
    mime,
    fileName,
  };
}

/** Chart data for `kind` from run records, with the chart options carried in the settings (chart-registry.ts). */
export function chartFromRuns(
  kind: FigureChart,
  runs: FigureRunInput[],
  settings?: FigureSettingsInput | FigureSettings,
): ChartData {
  return FIGURE_CHART_REGISTRY[kind].build(runs, settingsOf(settings));
}

/** One call for the host's `exportFigure`: records in, file out. */
export async function figureFromRuns(
  kind: FigureChart,
  format: FigureFormat,
  runs: FigureRunInput[],
  settings?: FigureSettingsInput | FigureSettings,
): Promise<FigureFile> {
  const s = settingsOf(settings);
  return renderFigure(kind, format, chartFromRuns(kind, runs, s), s);
}

export { FigureSettingsSchema, parseFigureSettings, LEGEND_POSITIONS, PALETTES } from './settings';
export type { FigureSettings, FigureSettingsInput, LegendPosition } from './settings';
export { figureSize, SIZE_PRESETS, type FigureSize, type SizePreset } from '../shared/figure-size';
export type { ChartData, LineChartData, HeatmapData, LineSeries, HLine, Divergence } from './types';
export { OKABE_ITO, GREYSCALE } from '../shared/palette';
export { ema, meanStd, type MeanStd } from '../shared/seeds';
export { formatNumber } from '../shared/format';
export { lossChart, profileChart, heatmapChart, horizonChart, gradnormChart, clipThresholdOf } from './from-runs';
export type {
  RunSeries,
  RunProfiles,
  HorizonRun,
  LossChartOptions,
  ProfileChartOptions,
  HeatmapChartOptions,
  HorizonChartOptions,
  GradNormChartOptions,
} from './from-runs';
export { sweepChart, sweepMeasure, SWEEP_MEASURE_LABELS, type SweepRun, type SweepChartOptions } from './from-sweep';
export { predictionsChart, PREDICTION_SERIES, type PredictionRun } from './from-predictions';
export { SWEEP_MEASURES, type SweepMeasure } from './settings';
export { setFigureFontPath, figureFontPath } from './font';
export { pngSize } from './export/png';
