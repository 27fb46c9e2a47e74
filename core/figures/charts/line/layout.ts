/**
 * The line chart's layout: where the plot, its axes, labels and legend go for one legend placement,
 * computed from font metrics so margins fit their labels exactly at any size. A plain function of data and
 * settings (export/tex.ts reads it too); drawing is in draw.ts.
 */
import { buildScale, type AxisScale } from '../../scales';
import { labelWidth, xTickSpace, yTickSpace, type AxisStyle, type PlotRect } from '../../axes';
import type { Box, Pt } from '../../geometry';
import { layoutLegend, type LegendBox, type LegendEntry } from '../../legend';
import { FONT_ASCENT } from '../../metrics';
import type { FigureSettings, LegendPosition } from '../../settings';
import type { LineSeries } from '../../types';
import { titleSpace } from '../frame';

export interface LineLabels {
  title: string;
  xLabel: string;
  yLabel: string;
}

export interface LineLayout {
  rect: PlotRect;
  x: AxisScale;
  y: AxisScale;
  legend: LegendBox | null;
  legendAt: [number, number] | null;
  xLabelBaseline: number;
  yLabelX: number;
}

export interface LineLayoutInput {
  widthPt: number;
  heightPt: number;
  st: AxisStyle;
  labels: LineLabels;
  log: boolean;
  xExtent: [number, number] | null;
  yExtent: [number, number] | null;
  s: FigureSettings;
  integerX: boolean;
  legendEntries: LegendEntry[];
  /** The legend's own font size (smaller than the chart's when a long legend needs it, never below 6 pt). */
  legendFontSize: number;
}

/** Positions everything for one legend placement; `auto` tries the inside corners first (see render). */
export function layoutLine(inp: LineLayoutInput, legendPos: Exclude<LegendPosition, 'auto'> | 'inside'): LineLayout {
  const { st, labels, s } = inp;
  const fs = st.fontSize;
  const pad = fs * 0.5;
  const axisLabelSpace = fs * 1.45;
  const legendOutside = legendPos === 'right' || legendPos === 'below';
  const lfs = inp.legendFontSize;
  const legendBelow = legendPos === 'below' ? layoutLegend(inp.legendEntries, lfs, inp.widthPt - 2 * pad) : null;

  // A y tick label at the very top rises above the plot's top edge by half its height (more with a superscript).
  const top = pad + titleSpace(labels.title, fs) + fs * (inp.log ? 0.75 : 0.45);
  const bottom =
    pad + xTickSpace(st) + (labels.xLabel ? axisLabelSpace : 0) + (legendBelow ? legendBelow.height + fs * 0.4 : 0);
  const plotH = Math.max(fs * 3, inp.heightPt - top - bottom);
  // Beside the plot, the legend may use the figure's whole height (a column per that many entries).
  const legendRight =
    legendPos === 'right'
      ? layoutLegend(inp.legendEntries, lfs, undefined, Math.max(inp.heightPt - 2 * pad, lfs * 2))
      : null;
  const y = buildScale({
    log: inp.log,
    extent: inp.yExtent,
    min: s.yMin,
    max: s.yMax,
    range: [top + plotH, top],
    maxTicks: Math.max(2, Math.floor(plotH / (fs * 2.6)) + 1),
  });
  const left = pad + (labels.yLabel ? axisLabelSpace : 0) + yTickSpace(y, st);
  let right = pad + (legendRight ? legendRight.width + fs * 0.6 : 0);
  const xFor = (r: number): AxisScale => {
    const plotW = Math.max(fs * 4, inp.widthPt - left - r);
    return buildScale({
      log: false,
      extent: inp.xExtent,
      range: [left, left + plotW],
      maxTicks: Math.max(2, Math.floor(plotW / (fs * 4.2)) + 1),
      integer: inp.integerX,
    });
  };
  let x = xFor(right);
  // The last x label is centred on the right edge of the plot: reserve half its width (beyond the legend).
  const lastLabelled = [...x.ticks].reverse().find((t) => t.label && Math.abs(x.scale(t.value) - rangeEnd(x)) < 0.5);
  const overhang = lastLabelled?.label ? labelWidth(lastLabelled.label, fs) / 2 : 0;
  if (!legendRight && overhang > right - pad * 0.5) {
    right = overhang + pad * 0.5;
    x = xFor(right);
  }
  const rect: PlotRect = { left, top, width: rangeEnd(x) - left, height: plotH };
  let legend: LegendBox | null = null;
  let legendAt: [number, number] | null = null;
  if (legendBelow) {
    legend = legendBelow;
    legendAt = [
      Math.min(Math.max(pad, left + rect.width / 2 - legendBelow.width / 2), inp.widthPt - pad - legendBelow.width),
      inp.heightPt - pad - legendBelow.height,
    ];
  } else if (legendRight) {
    legend = legendRight;
    // Level with the plot's top while it fits, else as high as the canvas lets it.
    legendAt = [
      inp.widthPt - pad - legendRight.width,
      Math.max(pad, Math.min(top, inp.heightPt - pad - legendRight.height)),
    ];
  } else if (!legendOutside && legendPos !== 'none') {
    legend = layoutLegend(inp.legendEntries, lfs);
  }
  return {
    rect,
    x,
    y,
    legend,
    legendAt,
    xLabelBaseline: top + plotH + xTickSpace(st) + fs * 0.35 + fs * FONT_ASCENT * 0.95,
    yLabelX: pad + fs * FONT_ASCENT,
  };
}

export function rangeEnd(axis: AxisScale): number {
  return axis.scale.range()[1] ?? 0;
}

export function insideCorner(rect: PlotRect, legend: LegendBox, corner: string, fs: number): [number, number] {
  const inset = fs * 0.3;
  const xl = rect.left + inset + fs * 0.3;
  const xr = rect.left + rect.width - inset - legend.width;
  const yt = rect.top + inset;
  const yb = rect.top + rect.height - inset - legend.height;
  switch (corner) {
    case 'top-left':
      return [xl, yt];
    case 'bottom-right':
      return [xr, yb];
    case 'bottom-left':
      return [xl, yb];
    default:
      return [xr, yt];
  }
}

export const PIXEL_LIMIT = 1e9;

/** Screen points of a series, split at values the axes cannot place. */
export function runs(series: LineSeries, lay: LineLayout, ys: readonly number[] = series.y): Pt[][] {
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  const n = Math.min(series.x.length, ys.length);
  for (let i = 0; i < n; i++) {
    const px = lay.x.map(series.x[i] as number);
    const py = lay.y.map(ys[i] as number);
    if (px === null || py === null || Math.abs(px) > PIXEL_LIMIT || Math.abs(py) > PIXEL_LIMIT) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push([px, py]);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Clip box: the plot area widened by a line width so curves along its edge are not cut in half. */
export function clipBox(rect: PlotRect, lw: number): Box {
  return { x0: rect.left - lw, y0: rect.top - lw, x1: rect.left + rect.width + lw, y1: rect.top + rect.height + lw };
}
