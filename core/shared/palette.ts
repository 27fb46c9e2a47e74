/**
 * Series colours and dash patterns, one table for the window's charts and the exported figures, so run k has
 * the same colour and dash in the live view, in Compare and in the paper. Okabe–Ito is the colour-blind-safe
 * palette most journals recommend; the order puts the strongest contrasts first (black, blue, vermillion,
 * green) and the pale yellow, which is hard to see on white paper, last. Each series also gets its own dash
 * pattern so a figure printed in greyscale, or read by someone who cannot tell the hues apart, still
 * separates its curves.
 */
export const OKABE_ITO = [
  '#000000',
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#E69F00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
] as const;

/** Greys from black to a mid grey still visible as a thin line on white. */
export const GREYSCALE = [
  '#000000',
  '#555555',
  '#888888',
  '#333333',
  '#777777',
  '#222222',
  '#666666',
  '#444444',
] as const;

export type PaletteName = 'okabe-ito' | 'greyscale';

/** Dash patterns in multiples of the line width; index 0 is solid. */
export const DASHES: readonly (readonly number[])[] = [
  [],
  [4, 2],
  [1, 1.5],
  [6, 1.5, 1, 1.5],
  [2.5, 2.5],
  [8, 2, 2, 2],
  [6, 1.5, 1, 1.5, 1, 1.5],
  [1, 3.5],
];

/** Reference lines (baselines, bounds, thresholds) are grey and dash-dotted so they never read as a run. */
export const REFERENCE_COLOR = '#6E6E6E';
export const REFERENCE_DASH: readonly number[] = [5, 2, 1, 2];

/** Colours with one fixed meaning in the window that are not a run's own (the run's curves use seriesColor). */
export const ROLE = {
  accuracy: OKABE_ITO[3],
  heldoutAccuracy: OKABE_ITO[5],
  clipped: OKABE_ITO[4],
  divergence: OKABE_ITO[2],
  horizon: OKABE_ITO[3],
  reference: REFERENCE_COLOR,
} as const;

const wrap = (i: number, n: number): number => ((i % n) + n) % n;

export function seriesColor(index: number, palette: PaletteName = 'okabe-ito'): string {
  const colors = palette === 'greyscale' ? GREYSCALE : OKABE_ITO;
  return colors[wrap(index, colors.length)] ?? '#000000';
}

export function dashPattern(index: number): readonly number[] {
  return DASHES[wrap(index, DASHES.length)] ?? [];
}

/** SVG stroke-dasharray for a pattern at a line width, or undefined for solid. */
export function dashArray(pattern: readonly number[], lineWidth: number): string | undefined {
  if (pattern.length === 0) return undefined;
  // Dashes scale with the line so thick lines keep visible gaps; rounded to keep the output short and stable.
  return pattern.map((d) => String(Math.round(d * Math.max(lineWidth, 0.5) * 100) / 100)).join(' ');
}

/** Marker shapes added to a curve once the colours have gone round (index 0: none). */
export const MARKERS = ['none', 'circle', 'square', 'triangle', 'diamond', 'cross', 'plus'] as const;
export type MarkerShape = Exclude<(typeof MARKERS)[number], 'none'>;

export interface StyleSlot {
  /** Into OKABE_ITO (or GREYSCALE), taken modulo 8. */
  colorIndex: number;
  dashIndex: number;
  markerIndex: number;
}

/**
 * Series k's colour, dash and marker. The first 8 take colour k and dash k (what a small figure always
 * had); every further round of 8 shifts the dash by one and adds the next marker, so no two series share
 * all three for 8 × 8 × 7 = 448 series, and the order stays fixed (series k always looks the same).
 * `dashIndex` differs from `colorIndex` when dash encodes something else (train vs held-out loss); then
 * only the marker is added per round.
 */
export function styleSlot(colorIndex: number, dashIndex: number = colorIndex): StyleSlot {
  const k = Math.max(0, Math.floor(colorIndex));
  const round = Math.floor(k / OKABE_ITO.length);
  return {
    colorIndex: k % OKABE_ITO.length,
    dashIndex: dashIndex === colorIndex ? (k + round) % DASHES.length : dashIndex,
    markerIndex: round % MARKERS.length,
  };
}

export function markerShape(markerIndex: number): MarkerShape | undefined {
  const m = MARKERS[wrap(markerIndex, MARKERS.length)];
  return m === 'none' ? undefined : m;
}

/**
 * Which colour and dash a curve takes: with two metrics per run (train and held-out loss) colour follows the
 * run and dash follows the metric; with one, both follow the run. The figures, Compare and the live view
 * all ask this function.
 */
export function curveSlots(
  runIndex: number,
  metricIndex: number,
  metricCount: number,
): { colorIndex: number; dashIndex: number } {
  return { colorIndex: runIndex, dashIndex: metricCount > 1 ? metricIndex : runIndex };
}

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray in points, or undefined for solid. */
  dasharray: string | undefined;
  /** A marker shape along the curve (series beyond the eighth), or undefined. */
  marker: MarkerShape | undefined;
}

export interface StyleSettings {
  palette: PaletteName;
  dashes: boolean;
  lineWidth: number;
}

/** A figure curve's stroke (line width in points). */
export function seriesStyle(settings: StyleSettings, colorIndex: number, dashIndex: number = colorIndex): SeriesStyle {
  const slot = styleSlot(colorIndex, dashIndex);
  const pattern = settings.dashes ? dashPattern(slot.dashIndex) : [];
  return {
    color: seriesColor(slot.colorIndex, settings.palette),
    dasharray: dashArray(pattern, settings.lineWidth),
    marker: markerShape(slot.markerIndex),
  };
}

/** Screen lines are ~1.6 px wide, drawn at twice the figure's dash scale so patterns read the same as in print. */
export const SCREEN_LINE_PX = 1.6;

export interface LineStyle {
  color: string;
  /** SVG stroke-dasharray, undefined for solid. */
  dash: string | undefined;
  marker?: MarkerShape | undefined;
}

/** A window chart's curve style for the slots of curveSlots: the figure's seriesStyle at screen scale. */
export function lineStyle(colorIndex: number, dashIndex: number = colorIndex): LineStyle {
  const slot = styleSlot(colorIndex, dashIndex);
  return {
    color: seriesColor(slot.colorIndex),
    dash: dashArray(dashPattern(slot.dashIndex), SCREEN_LINE_PX * 2),
    marker: markerShape(slot.markerIndex),
  };
}

/** A reference line (baseline, bound, threshold) in the window. */
export const SCREEN_REFERENCE_DASH = dashArray(REFERENCE_DASH, SCREEN_LINE_PX * 2);
