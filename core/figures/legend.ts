/**
 * The legend: one row per curve with a sample of its exact stroke (colour and dash), so the legend reads in
 * greyscale too. Its box is measured with the font metrics before placement, so layout can choose a free
 * corner or move it outside the plot.
 */
import { FONT_CAP_HEIGHT, textWidth } from './metrics';
import { el, group, num, text } from './svg';
import type { MarkerShape } from '../shared/palette';
import { circlePath, symbolPath } from '../shared/markers';

export interface LegendEntry {
  label: string;
  color: string;
  dasharray?: string | undefined;
  lineWidth: number;
  /** Shaded band behind the sample (mean ± std). */
  band?: boolean;
  /** A marker instead of a line: a circle (events on the curve) or a rug tick (events along the axis). */
  marker?: 'circle' | 'rug';
  /** A marker shape drawn on the line sample (series past the eighth: colour × dash × marker). */
  symbol?: MarkerShape | undefined;
  /** A caption line (what every entry shares), text only. */
  caption?: boolean;
}

export interface LegendBox {
  width: number;
  height: number;
  render(x: number, y: number): string;
}

export function markerRadius(fontSize: number): number {
  return fontSize * 0.17;
}

/** Height of a legend of `rows` rows at a font size (what layout needs to know before building one). */
export function legendRowHeight(fontSize: number): number {
  return fontSize * 1.2;
}

/**
 * Lays entries out in columns: `maxWidth` bounds a row when the legend sits below the plot (entries flow
 * left to right, as many columns as fit), `maxHeight` bounds a column beside the plot (entries flow top to
 * bottom, then into the next column); with neither, one column.
 */
export function layoutLegend(
  all: LegendEntry[],
  fontSize: number,
  maxWidth?: number,
  maxHeight?: number,
): LegendBox | null {
  if (all.length === 0) return null;
  // A caption (what every entry shares) is a header line across the whole legend, not a cell of the grid.
  const caption = all[0]?.caption ? all[0] : undefined;
  const entries = caption ? all.slice(1) : all;
  const sample = fontSize * 1.9;
  const gap = fontSize * 0.45;
  const rowH = legendRowHeight(fontSize);
  const pad = fontSize * 0.35;
  const colGap = fontSize * 0.9;
  const captionH = caption ? rowH : 0;
  const itemW = entries.map((e) => sample + gap + textWidth(e.label, fontSize));
  // Same width for every column so the rows line up.
  const colW = Math.max(0, ...itemW);
  let cols = 1;
  if (maxWidth !== undefined) {
    cols = Math.max(1, Math.min(entries.length, Math.floor((maxWidth - 2 * pad + colGap) / (colW + colGap))));
  } else if (maxHeight !== undefined) {
    const perCol = Math.max(1, Math.floor((maxHeight - 2 * pad - captionH) / rowH));
    cols = Math.max(1, Math.ceil(entries.length / perCol));
  }
  const rows = Math.ceil(entries.length / cols);
  // Beside the plot, entries run down a column first (read like a list); below it, along a row.
  const down = maxWidth === undefined;
  const width = Math.max(
    2 * pad + cols * colW + (cols - 1) * colGap,
    caption ? 2 * pad + textWidth(caption.label, fontSize) : 0,
  );
  const height = 2 * pad + captionH + rows * rowH;
  const render = (x: number, y: number): string => {
    const items = entries.map((e, i) => {
      const col = down ? Math.floor(i / rows) : i % cols;
      const row = down ? i % rows : Math.floor(i / cols);
      const ix = x + pad + col * (colW + colGap);
      const cy = y + pad + captionH + row * rowH + rowH / 2;
      const parts: string[] = [];
      if (e.band)
        parts.push(
          el('rect', {
            x: num(ix),
            y: num(cy - rowH * 0.3),
            width: num(sample),
            height: num(rowH * 0.6),
            fill: e.color,
            'fill-opacity': '0.2',
          }),
        );
      if (e.marker === 'rug') {
        parts.push(
          el('path', {
            d: `M${num(ix + sample / 2)} ${num(cy + fontSize * 0.3)}v${num(-fontSize * 0.6)}`,
            fill: 'none',
            stroke: e.color,
            'stroke-width': num(e.lineWidth * 0.6),
          }),
        );
      } else if (e.marker) {
        parts.push(
          el('path', {
            d: circlePath(ix + sample / 2, cy, markerRadius(fontSize)),
            fill: 'none',
            stroke: e.color,
            'stroke-width': num(e.lineWidth * 0.8),
          }),
        );
      } else {
        parts.push(
          el('path', {
            d: `M${num(ix)} ${num(cy)}h${num(sample)}`,
            fill: 'none',
            stroke: e.color,
            'stroke-width': num(e.lineWidth),
            'stroke-dasharray': e.dasharray,
          }),
        );
        if (e.symbol)
          parts.push(
            el('path', {
              d: symbolPath(e.symbol, ix + sample / 2, cy, markerRadius(fontSize) * 1.3),
              fill: '#FFFFFF',
              stroke: e.color,
              'stroke-width': num(e.lineWidth * 0.8),
            }),
          );
      }
      parts.push(
        el('text', { x: num(ix + sample + gap), y: num(cy + (fontSize * FONT_CAP_HEIGHT) / 2) }, text(e.label)),
      );
      return parts.join('');
    });
    const head = caption
      ? el(
          'text',
          { x: num(x + pad), y: num(y + pad + rowH / 2 + (fontSize * FONT_CAP_HEIGHT) / 2), 'font-style': 'italic' },
          text(caption.label),
        )
      : '';
    return group({ class: 'legend', 'font-size': num(fontSize) }, [
      // A translucent white card keeps the legend legible where it covers gridlines or faint bands.
      el('rect', {
        x: num(x),
        y: num(y),
        width: num(width),
        height: num(height),
        fill: '#FFFFFF',
        'fill-opacity': '0.85',
        stroke: 'none',
      }),
      head,
      ...items,
    ]);
  };
  return { width, height, render };
}
