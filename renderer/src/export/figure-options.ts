/**
 * The Export figure dialog's model. Figure settings are defined once, by core/figures/settings.ts (sizes by
 * core/shared/figure-size.ts, which the page imports); `toSettings` builds the plain object the host's
 * exportFigure validates.
 */
import type { FIGURE_CHARTS, FIGURE_FORMATS } from '../../../core/api/contract';
import type { FigureSettingsInput, LegendPosition } from '../../../core/figures/settings';
import { figureSize, type SizePreset } from '../../../core/shared/figure-size';

export type FigureChart = (typeof FIGURE_CHARTS)[number];
export type FigureFormat = (typeof FIGURE_FORMATS)[number];
export type FigureSettingsDefaults = Partial<FigureSettingsInput>;

/** The formats in the dialog's order, with the catalog keys of their names and hints. */
export const FORMATS = [
  { value: 'svg', label: 'format.svg', hint: 'formatHint.svg' },
  { value: 'pdf', label: 'format.pdf', hint: 'formatHint.pdf' },
  { value: 'png', label: 'format.png', hint: 'formatHint.png' },
  { value: 'csv', label: 'format.csv', hint: 'formatHint.csv' },
  { value: 'tex', label: 'format.tex', hint: 'formatHint.tex' },
] as const satisfies readonly { value: FigureFormat; label: string; hint: string }[];

/** Size presets, with the catalog keys of their names. */
export const SIZES = [
  { value: 'single', label: 'size.single' },
  { value: 'double', label: 'size.double' },
  { value: 'custom', label: 'size.custom' },
] as const satisfies readonly { value: SizePreset; label: string }[];

/** Legend positions, with the catalog keys of their names. */
export const LEGEND_POSITIONS = [
  { value: 'auto', label: 'legendPos.auto' },
  { value: 'top-right', label: 'legendPos.top-right' },
  { value: 'top-left', label: 'legendPos.top-left' },
  { value: 'bottom-right', label: 'legendPos.bottom-right' },
  { value: 'bottom-left', label: 'legendPos.bottom-left' },
  { value: 'right', label: 'legendPos.right' },
  { value: 'below', label: 'legendPos.below' },
  { value: 'none', label: 'legendPos.none' },
] as const satisfies readonly { value: LegendPosition; label: string }[];

/** Arimo ships with the lab (metric-compatible with Arial/Helvetica); the others are common journal faces. */
export const FONT_SUGGESTIONS = [
  'Arimo',
  'Helvetica',
  'Arial',
  'Times New Roman',
  'Liberation Serif',
  'DejaVu Sans',
  'Source Sans Pro',
];

/** The catalog key of each chart's name. */
export const CHART_TITLE_KEYS = {
  loss: 'chart.loss',
  profile: 'chart.profile',
  heatmap: 'chart.heatmap',
  horizon: 'chart.horizon',
  gradnorm: 'chart.gradnorm',
  sweep: 'chart.sweep',
  predictions: 'chart.predictions',
} as const satisfies Record<FigureChart, string>;

/** What the form edits. Empty strings mean "the chart's default"; `showTitle` off sends an empty title. */
export interface FigureForm {
  format: FigureFormat;
  size: SizePreset;
  widthIn: number;
  heightIn: number;
  dpi: number;
  fontFamily: string;
  fontSize: number;
  showTitle: boolean;
  title: string;
  xLabel: string;
  yLabel: string;
  legendNames: Record<string, string>;
  legend: LegendPosition;
  palette: 'okabe-ito' | 'greyscale';
  dashes: boolean;
  lineWidth: number;
  grid: boolean;
  logY: 'default' | 'log' | 'linear';
  fileName: string;
}

export function initialForm(d: FigureSettingsDefaults, chart: FigureChart): FigureForm {
  const size = d.size ?? 'single';
  const base = figureSize({ size, widthIn: d.widthIn, heightIn: d.heightIn, aspect: d.aspect });
  return {
    format: 'svg',
    size,
    widthIn: base.widthIn,
    heightIn: base.heightIn,
    dpi: d.dpi ?? 300,
    fontFamily: d.fontFamily ?? 'Arimo',
    fontSize: d.fontSize ?? 8,
    // Papers caption their figures; an in-figure title is usually dropped, but keep the default visible.
    showTitle: d.title !== '',
    title: d.title ?? '',
    xLabel: d.xLabel ?? '',
    yLabel: d.yLabel ?? '',
    legendNames: { ...(d.legendNames ?? {}) },
    legend: d.legend ?? 'auto',
    palette: d.palette ?? 'okabe-ito',
    dashes: d.dashes ?? true,
    lineWidth: d.lineWidth ?? 1,
    grid: d.grid ?? false,
    logY: d.logY === undefined ? 'default' : d.logY ? 'log' : 'linear',
    fileName: d.fileName ?? `gradlab-${chart}`,
  };
}

const FILE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function validFileName(name: string): boolean {
  return FILE_NAME.test(name);
}

/**
 * The settings object sent to exportFigure (and saved beside the figure for `gradlab figure --settings`):
 * the caller's chart options first, then everything the form sets. Defaults are left out, so the JSON
 * a user saves says only what they chose.
 */
export function toSettings(form: FigureForm, defaults: FigureSettingsDefaults): Record<string, unknown> {
  const s: Record<string, unknown> = { ...defaults };
  s.size = form.size;
  if (form.size === 'custom') {
    s.widthIn = form.widthIn;
    s.heightIn = form.heightIn;
  } else {
    delete s.widthIn;
    delete s.heightIn;
  }
  s.fontFamily = form.fontFamily.trim() || 'Arimo';
  s.fontSize = form.fontSize;
  if (!form.showTitle) s.title = '';
  else if (form.title.trim()) s.title = form.title;
  else delete s.title;
  for (const key of ['xLabel', 'yLabel'] as const) {
    if (form[key].trim()) s[key] = form[key];
    else delete s[key];
  }
  const names = Object.fromEntries(Object.entries(form.legendNames).filter(([, v]) => v.trim() !== ''));
  if (Object.keys(names).length) s.legendNames = names;
  else delete s.legendNames;
  s.legend = form.legend;
  s.palette = form.palette;
  s.dashes = form.dashes;
  s.lineWidth = form.lineWidth;
  s.grid = form.grid;
  if (form.logY === 'default') delete s.logY;
  else s.logY = form.logY === 'log';
  s.dpi = form.dpi;
  if (validFileName(form.fileName)) s.fileName = form.fileName;
  else delete s.fileName;
  return s;
}
