/**
 * Figure settings: everything a user can change about an exported figure. Every field has a default, so
 * `FigureSettingsSchema.parse({})` is a complete, publication-ready setting (a single-column figure).
 * The contract carries settings as an opaque record; this schema is the one place that gives them meaning.
 */
import { z } from 'zod';

import { SIZE_PRESETS } from '../shared/figure-size';
import { DEFAULT_LANG, LANGS } from '../shared/lang';
import type { PaletteName } from '../shared/palette';

export const LEGEND_POSITIONS = [
  'auto',
  'top-right',
  'top-left',
  'bottom-right',
  'bottom-left',
  'right',
  'below',
  'none',
] as const;
export type LegendPosition = (typeof LEGEND_POSITIONS)[number];

export const PALETTES = ['okabe-ito', 'greyscale'] as const satisfies readonly PaletteName[];

/** What a sweep figure can put on its axes, per run (see from-sweep.ts). */
export const SWEEP_MEASURES = [
  'spectralRadius',
  'sigmaMax',
  'jacobianBound',
  'horizon',
  'twoSidedHorizon',
  'decayRate',
  'gradRatio',
  'saturation',
  'finalLoss',
  'finalHeldoutLoss',
] as const;
export type SweepMeasure = (typeof SWEEP_MEASURES)[number];

/** Family names go into a CSS-like list in the SVG: allow what font names use, nothing that could break quoting. */
const FontName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9 _-]+$/, 'A font family name is letters, digits, spaces, "-" and "_"');

const Label = z.string().max(300);

export const FigureSettingsSchema = z.object({
  size: z.enum(SIZE_PRESETS).default('single'),
  /** The language of every word the figure draws (titles, axis labels, legend names, messages): words.ts. */
  lang: z.enum(LANGS).default(DEFAULT_LANG),
  /** Only for `custom`; defaults to the single-column width. */
  widthIn: z.number().min(1).max(30).optional(),
  /** Only for `custom`; defaults to width × aspect. */
  heightIn: z.number().min(0.5).max(30).optional(),
  /** Height/width; defaults per preset. */
  aspect: z.number().min(0.1).max(5).optional(),
  /** First choice of font; a fallback list (the bundled Arimo, Helvetica, Arial, DejaVu Sans, sans-serif) follows it in the SVG. */
  fontFamily: FontName.default('Arimo'),
  /** Points; 8 pt matches typical caption text in a two-column paper. */
  fontSize: z.number().min(4).max(36).default(8),
  /** `undefined` = the chart's default; an empty string removes the element. */
  title: Label.optional(),
  xLabel: Label.optional(),
  yLabel: Label.optional(),
  /** Series id (or run id) → label shown in the legend. */
  legendNames: z.record(z.string(), z.string().max(200)).default({}),
  /** `undefined` = the chart's default (log for gradient norms). */
  logY: z.boolean().optional(),
  /** Fix the y range (data units); otherwise it fits the data. */
  yMin: z.number().optional(),
  yMax: z.number().optional(),
  palette: z.enum(PALETTES).default('okabe-ito'),
  /** Dash patterns per series, so curves stay distinguishable in greyscale print. */
  dashes: z.boolean().default(true),
  /** Line width in points. */
  lineWidth: z.number().min(0.25).max(4).default(1),
  grid: z.boolean().default(false),
  legend: z.enum(LEGEND_POSITIONS).default('auto'),
  /** Pixels per inch for PNG. */
  dpi: z.number().int().min(36).max(2400).default(300),
  /** EMA smoothing factor applied by the chart adapters (0 = off). */
  smoothing: z.number().min(0).max(0.999).default(0),
  // Chart options: they travel in the same opaque settings record of FigureRequest, so the UI and the CLI
  // describe a whole figure with one object.
  /** loss: which curves (default: train and held-out, where recorded). */
  metrics: z
    .array(z.enum(['loss', 'heldoutLoss']))
    .min(1)
    .optional(),
  /** loss: mean ± std over runs sharing a spec (seeds). */
  groupSeeds: z.boolean().default(false),
  /** loss with groupSeeds: the band around the mean, ± std or the seeds' min–max. */
  band: z.enum(['std', 'minmax']).default('std'),
  /** loss: x is the training step or the wall time in seconds. */
  xAxis: z.enum(['step', 'wall']).default('step'),
  /** loss: horizontal baseline, e.g. 0.1667 (predicting the mean on the adding problem). */
  baseline: z.number().optional(),
  /** profile: probe step (nearest recorded); default the latest. */
  probeStep: z.number().int().min(0).optional(),
  /** profile: the one layer to show (default every layer); heatmap, horizon, sweep: the layer (default 0). */
  layer: z.number().int().min(0).optional(),
  /** profile: draw the theory bound where the profile has one. */
  theoryBound: z.boolean().default(true),
  /** gradnorm: threshold line; default from the runs' clip setting. */
  clipThreshold: z.number().positive().optional(),
  /** sweep: what the x axis shows for each run (a measure of its gradient profile at probeStep, or a final metric). */
  sweepX: z.enum(SWEEP_MEASURES).default('spectralRadius'),
  /** sweep: the measures drawn against x, one curve each per sweep (and one marker each per run outside a sweep). */
  sweepY: z.array(z.enum(SWEEP_MEASURES)).min(1).max(6).default(['horizon']),
  /** Base of the exported file's name (no extension). */
  fileName: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .optional(),
});

export type FigureSettings = z.output<typeof FigureSettingsSchema>;
export type FigureSettingsInput = z.input<typeof FigureSettingsSchema>;

/** Parses user settings (from the contract's opaque record or a CLI flag file), filling defaults. */
export function parseFigureSettings(input: unknown): FigureSettings {
  return FigureSettingsSchema.parse(input ?? {});
}

/** The font-family attribute: the named font, then the bundled one and metric-compatible system fonts. */
export function fontFamilyList(name: string): string {
  const fallbacks = ['Arimo', 'Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans'];
  const list = [name, ...fallbacks.filter((f) => f.toLowerCase() !== name.toLowerCase())];
  return [...list.map((f) => (/\s/.test(f) ? `'${f}'` : f)), 'sans-serif'].join(', ');
}
