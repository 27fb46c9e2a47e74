/**
 * Series colours and dash patterns. Okabe–Ito is the colour-blind-safe palette most journals recommend; the
 * order puts the strongest contrasts first (black, blue, vermillion, green) and the pale yellow, which is
 * hard to see on white paper, last. Each series also gets its own dash pattern so a figure printed in
 * greyscale, or read by someone who cannot tell the hues apart, still separates its curves.
 */
import type { FigureSettings } from './settings';

export const OKABE_ITO = ['#000000', '#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** Greys from black to a mid grey still visible as a thin line on white. */
export const GREYSCALE = ['#000000', '#555555', '#888888', '#333333', '#777777', '#222222', '#666666', '#444444'] as const;

/** Dash patterns in multiples of the line width; index 0 is solid. */
const DASHES: readonly (readonly number[])[] = [
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

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray in points, or undefined for solid. */
  dasharray: string | undefined;
}

export function seriesColor(settings: Pick<FigureSettings, 'palette'>, index: number): string {
  const colors = settings.palette === 'greyscale' ? GREYSCALE : OKABE_ITO;
  return colors[((index % colors.length) + colors.length) % colors.length] ?? '#000000';
}

export function dashArray(pattern: readonly number[], lineWidth: number): string | undefined {
  if (pattern.length === 0) return undefined;
  // Dashes scale with the line so thick lines keep visible gaps; rounded to keep the output short and stable.
  return pattern.map((d) => String(Math.round(d * Math.max(lineWidth, 0.5) * 100) / 100)).join(' ');
}

export function seriesStyle(
  settings: Pick<FigureSettings, 'palette' | 'dashes' | 'lineWidth'>,
  colorIndex: number,
  dashIndex: number = colorIndex,
): SeriesStyle {
  const pattern = settings.dashes ? (DASHES[((dashIndex % DASHES.length) + DASHES.length) % DASHES.length] ?? []) : [];
  return { color: seriesColor(settings, colorIndex), dasharray: dashArray(pattern, settings.lineWidth) };
}
