/**
 * Colours and dash patterns of the window's charts. They repeat core/figures/palette.ts (the renderer may
 * import only types from core) so run k has the same colour and dash on screen as in the exported figure.
 */
export const OKABE_ITO = ['#000000', '#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** Dash patterns in line widths, as in the figures; index 0 is solid. */
const DASHES: readonly (readonly number[])[] = [[], [4, 2], [1, 1.5], [6, 1.5, 1, 1.5], [2.5, 2.5], [8, 2, 2, 2], [6, 1.5, 1, 1.5, 1, 1.5], [1, 3.5]];

/** Screen lines are ~1.6 px wide; dashes scale with them so patterns read the same as in print. */
const SCREEN_LINE_PX = 1.6;

export interface LineStyle {
  color: string;
  /** SVG stroke-dasharray, undefined for solid. */
  dash: string | undefined;
}

const wrap = (i: number, n: number): number => ((i % n) + n) % n;

export function lineStyle(index: number): LineStyle {
  const pattern = DASHES[wrap(index, DASHES.length)] ?? [];
  return {
    color: OKABE_ITO[wrap(index, OKABE_ITO.length)] ?? '#000000',
    dash: pattern.length ? pattern.map((d) => String(Math.round(d * SCREEN_LINE_PX * 2 * 10) / 10)).join(' ') : undefined,
  };
}

export const REFERENCE_COLOR = '#6E6E6E';
