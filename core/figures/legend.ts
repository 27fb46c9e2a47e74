/**
 * The legend: one row per curve with a sample of its exact stroke (colour and dash), so the legend reads in
 * greyscale too. Its box is measured with the font metrics before placement, so layout can choose a free
 * corner or move it outside the plot.
 */
import { FONT_CAP_HEIGHT, textWidth } from './metrics';
import { el, group, num, text } from './svg';

export interface LegendEntry {
  label: string;
  color: string;
  dasharray?: string | undefined;
  lineWidth: number;
  /** Shaded band behind the sample (mean ± std). */
  band?: boolean;
  /** A marker instead of a line: a circle (events on the curve) or a rug tick (events along the axis). */
  marker?: 'circle' | 'rug';
}

export interface LegendBox {
  width: number;
  height: number;
  render(x: number, y: number): string;
}

/** Open circle path centred at (x, y): one path for many markers keeps the SVG small. */
export function circlePath(x: number, y: number, r: number): string {
  return `M${num(x - r)} ${num(y)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0`;
}

export function markerRadius(fontSize: number): number {
  return fontSize * 0.17;
}

/**
 * Lays entries out in columns: `maxWidth` bounds a row when the legend sits below the plot (entries flow
 * left to right), otherwise one column.
 */
export function layoutLegend(entries: LegendEntry[], fontSize: number, maxWidth?: number): LegendBox | null {
  if (entries.length === 0) return null;
  const sample = fontSize * 2.2;
  const gap = fontSize * 0.45;
  const rowH = fontSize * 1.2;
  const pad = fontSize * 0.35;
  const colGap = fontSize * 1.1;
  const itemW = entries.map((e) => sample + gap + textWidth(e.label, fontSize));
  let cols = 1;
  if (maxWidth !== undefined) {
    // Same width for every column so the rows line up.
    const colW = Math.max(...itemW);
    cols = Math.max(1, Math.min(entries.length, Math.floor((maxWidth - 2 * pad + colGap) / (colW + colGap))));
  }
  const rows = Math.ceil(entries.length / cols);
  const colW = Math.max(...itemW);
  const width = 2 * pad + cols * colW + (cols - 1) * colGap;
  const height = 2 * pad + rows * rowH;
  const render = (x: number, y: number): string => {
    const items = entries.map((e, i) => {
      const col = cols === 1 ? 0 : i % cols;
      const row = cols === 1 ? i : Math.floor(i / cols);
      const ix = x + pad + col * (colW + colGap);
      const cy = y + pad + row * rowH + rowH / 2;
      const parts: string[] = [];
      if (e.band) parts.push(el('rect', { x: num(ix), y: num(cy - rowH * 0.3), width: num(sample), height: num(rowH * 0.6), fill: e.color, 'fill-opacity': '0.2' }));
      if (e.marker === 'rug') {
        parts.push(el('path', { d: `M${num(ix + sample / 2)} ${num(cy + fontSize * 0.3)}v${num(-fontSize * 0.6)}`, fill: 'none', stroke: e.color, 'stroke-width': num(e.lineWidth * 0.6) }));
      } else if (e.marker) {
        parts.push(el('path', { d: circlePath(ix + sample / 2, cy, markerRadius(fontSize)), fill: 'none', stroke: e.color, 'stroke-width': num(e.lineWidth * 0.8) }));
      } else {
        parts.push(el('path', { d: `M${num(ix)} ${num(cy)}h${num(sample)}`, fill: 'none', stroke: e.color, 'stroke-width': num(e.lineWidth), 'stroke-dasharray': e.dasharray }));
      }
      parts.push(el('text', { x: num(ix + sample + gap), y: num(cy + (fontSize * FONT_CAP_HEIGHT) / 2) }, text(e.label)));
      return parts.join('');
    });
    return group({ class: 'legend', 'font-size': num(fontSize) }, [
      // A translucent white card keeps the legend legible where it covers gridlines or faint bands.
      el('rect', { x: num(x), y: num(y), width: num(width), height: num(height), fill: '#FFFFFF', 'fill-opacity': '0.85', stroke: 'none' }),
      ...items,
    ]);
  };
  return { width, height, render };
}
