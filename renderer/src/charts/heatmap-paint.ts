/**
 * Paints a heatmap into a canvas, one pixel per (column, row), to be stretched by CSS with pixelated
 * rendering: a 1 000 × 784 grid costs one putImageData, whatever the screen size. Viridis, as in the paper
 * figures (core/figures), is perceptually uniform and readable in greyscale and by colour-blind readers.
 */
import { interpolateViridis } from 'd3-scale-chromatic';

const LUT_SIZE = 256;
/** d3 gives "#rrggbb" (or "rgb(r, g, b)"): three channel values. */
function rgbOf(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [parseInt(hex[1] ?? '0', 16), parseInt(hex[2] ?? '0', 16), parseInt(hex[3] ?? '0', 16)];
  const rgb = /(\d+)\D+(\d+)\D+(\d+)/.exec(color);
  return [Number(rgb?.[1] ?? 0), Number(rgb?.[2] ?? 0), Number(rgb?.[3] ?? 0)];
}

const LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) lut.set(rgbOf(interpolateViridis(i / (LUT_SIZE - 1))), i * 3);
  return lut;
})();

export const viridis = (f: number): string => interpolateViridis(Math.min(1, Math.max(0, f)));

export interface HeatGrid {
  /** Column-major: cols[c][r] is the value of row r (bottom = 0) in column c, already on the colour scale (e.g. log10). */
  cols: ArrayLike<number>[];
  rows: number;
}

/** Draws the grid with row 0 at the bottom; non-finite cells stay transparent (the frame's background shows). */
export function paintHeatmap(canvas: HTMLCanvasElement, grid: HeatGrid, domain: [number, number]): void {
  const w = Math.max(1, grid.cols.length);
  const h = Math.max(1, grid.rows);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(w, h);
  const span = domain[1] - domain[0] || 1;
  for (let c = 0; c < grid.cols.length; c++) {
    const col = grid.cols[c] as ArrayLike<number>;
    for (let r = 0; r < h; r++) {
      const v = col[r];
      if (v === undefined || !Number.isFinite(v)) continue;
      const k = Math.round(Math.min(1, Math.max(0, (v - domain[0]) / span)) * (LUT_SIZE - 1));
      const o = ((h - 1 - r) * w + c) * 4;
      img.data[o] = LUT[k * 3] as number;
      img.data[o + 1] = LUT[k * 3 + 1] as number;
      img.data[o + 2] = LUT[k * 3 + 2] as number;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** Finite range of all cells, widened to whole numbers (decades, when the values are log10). */
export function gridDomain(grid: HeatGrid): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const col of grid.cols) {
    for (let r = 0; r < col.length; r++) {
      const v = col[r] as number;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!(lo <= hi)) return null;
  const a = Math.floor(lo);
  const b = Math.ceil(hi);
  return [a, b === a ? a + 1 : b];
}
