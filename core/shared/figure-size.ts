/** Figure sizes: one computation for the export dialog's preview and pixel count and for the exporter. */
export const SIZE_PRESETS = ['single', 'double', 'custom'] as const;
export type SizePreset = (typeof SIZE_PRESETS)[number];

/** Column widths of common two-column journal/conference layouts (inches). */
export const PRESET_WIDTH_IN: Record<Exclude<SizePreset, 'custom'>, number> = { single: 3.5, double: 7 };
/** Height/width: 3:4 keeps a single-column plot readable; a double-column figure is a wide strip (3 in tall). */
export const PRESET_ASPECT: Record<Exclude<SizePreset, 'custom'>, number> = { single: 0.75, double: 3 / 7 };

export interface SizeFields {
  size: SizePreset;
  /** Only for `custom`; defaults to the single-column width. */
  widthIn?: number | undefined;
  /** Only for `custom`; defaults to width × aspect. */
  heightIn?: number | undefined;
  /** Height/width; defaults per preset. */
  aspect?: number | undefined;
}

export interface FigureSize {
  widthIn: number;
  heightIn: number;
  /** The same size in points (1/72 in): the SVG viewBox and the PDF page use these. */
  widthPt: number;
  heightPt: number;
}

export function figureSize(s: SizeFields): FigureSize {
  const widthIn = s.size === 'custom' ? (s.widthIn ?? PRESET_WIDTH_IN.single) : PRESET_WIDTH_IN[s.size];
  const aspect = s.aspect ?? (s.size === 'double' ? PRESET_ASPECT.double : PRESET_ASPECT.single);
  const heightIn = s.size === 'custom' && s.heightIn !== undefined ? s.heightIn : widthIn * aspect;
  return { widthIn, heightIn, widthPt: widthIn * 72, heightPt: heightIn * 72 };
}

/** PNG pixels: the width is exactly widthIn × dpi (core/figures/export/png.ts); the height follows. */
export function pngPixels(s: SizeFields & { dpi: number }): { width: number; height: number } {
  const { widthIn, heightIn } = figureSize(s);
  return { width: Math.max(1, Math.round(widthIn * s.dpi)), height: Math.max(1, Math.round(heightIn * s.dpi)) };
}
