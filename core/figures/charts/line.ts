/**
 * Line charts (loss, gradient profile, horizon, grad norm): curves with gaps at NaN/±Inf (and at values a
 * log axis cannot show), optional mean ± std bands, reference lines, event markers and divergence marks.
 * Layout is computed from font metrics so margins fit their labels exactly at any size preset.
 */
import {
  axisStyle,
  drawAxisLabels,
  drawGrid,
  drawXAxis,
  drawYAxis,
  labelWidth,
  xTickSpace,
  yTickSpace,
  type AxisStyle,
  type PlotRect,
} from '../axes';
import { clipPolygon, clipPolyline, type Box, type Pt } from '../geometry';
import { m4Points } from '../decimate';
import { circlePath, layoutLegend, markerRadius, type LegendBox, type LegendEntry } from '../legend';
import { FONT_ASCENT, FONT_CAP_HEIGHT, textWidth } from '../metrics';
import { dashArray, REFERENCE_COLOR, REFERENCE_DASH, seriesStyle } from '../palette';
import { buildScale, extent, isPlottable, type AxisScale } from '../scales';
import { figureSize, type FigureSettings, type LegendPosition } from '../settings';
import { el, group, num, polylineD, text } from '../svg';
import type { LineChartData, LineSeries } from '../types';
import { drawTitle, svgDocument, titleSpace } from './frame';

interface ResolvedSeries {
  src: LineSeries;
  label: string;
  color: string;
  dasharray: string | undefined;
  width: number;
  opacity: number | undefined;
}

export interface LineLabels {
  title: string;
  xLabel: string;
  yLabel: string;
}

export function resolveLabels(data: { title: string; xLabel: string; yLabel: string }, s: FigureSettings): LineLabels {
  return { title: s.title ?? data.title, xLabel: s.xLabel ?? data.xLabel, yLabel: s.yLabel ?? data.yLabel };
}

export function seriesLabel(series: Pick<LineSeries, 'id' | 'alias' | 'label'>, s: FigureSettings): string {
  return s.legendNames[series.id] ?? (series.alias !== undefined ? s.legendNames[series.alias] : undefined) ?? series.label;
}

function resolveSeries(data: LineChartData, s: FigureSettings): ResolvedSeries[] {
  return data.series.map((src, i) => {
    const colorIndex = src.colorIndex ?? i;
    if (src.reference) {
      return {
        src,
        label: seriesLabel(src, s),
        color: src.colorIndex === undefined ? REFERENCE_COLOR : seriesStyle(s, colorIndex).color,
        dasharray: dashArray(REFERENCE_DASH, s.lineWidth * 0.8),
        width: s.lineWidth * 0.8,
        opacity: src.colorIndex === undefined ? undefined : 0.75,
      };
    }
    const st = seriesStyle(s, colorIndex, src.dashIndex ?? colorIndex);
    return { src, label: seriesLabel(src, s), color: st.color, dasharray: st.dasharray, width: s.lineWidth, opacity: undefined };
  });
}

interface Layout {
  rect: PlotRect;
  x: AxisScale;
  y: AxisScale;
  legend: LegendBox | null;
  legendAt: [number, number] | null;
  xLabelBaseline: number;
  yLabelX: number;
}

interface LayoutInput {
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
}

/** Positions everything for one legend placement; `auto` tries the inside corners first (see render). */
function layout(inp: LayoutInput, legendPos: Exclude<LegendPosition, 'auto'> | 'inside'): Layout {
  const { st, labels, s } = inp;
  const fs = st.fontSize;
  const pad = fs * 0.5;
  const axisLabelSpace = fs * 1.45;
  const legendOutside = legendPos === 'right' || legendPos === 'below';
  const legendBelow = legendPos === 'below' ? layoutLegend(inp.legendEntries, fs, inp.widthPt - 2 * pad) : null;
  const legendRight = legendPos === 'right' ? layoutLegend(inp.legendEntries, fs) : null;

  // A y tick label at the very top rises above the plot's top edge by half its height (more with a superscript).
  const top = pad + titleSpace(labels.title, fs) + fs * (inp.log ? 0.75 : 0.45);
  const bottom = pad + xTickSpace(st) + (labels.xLabel ? axisLabelSpace : 0) + (legendBelow ? legendBelow.height + fs * 0.4 : 0);
  const plotH = Math.max(fs * 3, inp.heightPt - top - bottom);
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
    return buildScale({ log: false, extent: inp.xExtent, range: [left, left + plotW], maxTicks: Math.max(2, Math.floor(plotW / (fs * 4.2)) + 1), integer: inp.integerX });
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
    legendAt = [Math.min(Math.max(pad, left + rect.width / 2 - legendBelow.width / 2), inp.widthPt - pad - legendBelow.width), inp.heightPt - pad - legendBelow.height];
  } else if (legendRight) {
    legend = legendRight;
    legendAt = [inp.widthPt - pad - legendRight.width, top];
  } else if (!legendOutside && legendPos !== 'none') {
    legend = layoutLegend(inp.legendEntries, fs);
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

function rangeEnd(axis: AxisScale): number {
  return axis.scale.range()[1] ?? 0;
}

function insideCorner(rect: PlotRect, legend: LegendBox, corner: string, fs: number): [number, number] {
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

const PIXEL_LIMIT = 1e9;

/** Screen points of a series, split at values the axes cannot place. */
function runs(series: LineSeries, lay: Layout, ys: readonly number[] = series.y): Pt[][] {
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
function clipBox(rect: PlotRect, lw: number): Box {
  return { x0: rect.left - lw, y0: rect.top - lw, x1: rect.left + rect.width + lw, y1: rect.top + rect.height + lw };
}

/** Open circles at every drawable point of a series with markers (or a scatter). */
function drawMarkers(r: ResolvedSeries, lay: Layout, box: Box, fs: number): string {
  const rad = markerRadius(fs) * 1.15;
  const marks: string[] = [];
  for (const run of runs(r.src, lay)) {
    for (const [px, py] of run) if (px >= box.x0 && px <= box.x1 && py >= box.y0 && py <= box.y1) marks.push(circlePath(px, py, rad));
  }
  return marks.length ? el('path', { class: 'markers', d: marks.join(''), fill: 'none', stroke: r.color, 'stroke-width': num(r.width * 0.8) }) : '';
}

function drawSeries(r: ResolvedSeries, lay: Layout, box: Box, fs: number): string {
  if (r.src.noLine) return drawMarkers(r, lay, box, fs);
  const parts: string[] = [];
  const dots: string[] = [];
  // Columns a quarter point wide (about one pixel at 300 dpi): long runs draw the same with far fewer points.
  for (const run of runs(r.src, lay).map((pts) => m4Points(pts, 0.25))) {
    for (const piece of clipPolyline(run, box)) {
      if (piece.length === 1) {
        // An isolated finite point between gaps would vanish as a zero-length path: show it as a dot.
        const [px, py] = piece[0] as Pt;
        dots.push(circlePath(px, py, r.width * 0.9));
      } else {
        parts.push(polylineD(piece));
      }
    }
  }
  return [
    parts.length
      ? el('path', {
          d: parts.join(''),
          fill: 'none',
          stroke: r.color,
          'stroke-width': num(r.width),
          'stroke-dasharray': r.dasharray,
          'stroke-opacity': r.opacity === undefined ? undefined : num(r.opacity),
          'stroke-linejoin': 'round',
          'stroke-linecap': r.dasharray ? 'butt' : 'round',
        })
      : '',
    dots.length ? el('path', { d: dots.join(''), fill: r.color, stroke: 'none' }) : '',
  ].join('');
}

function drawBand(r: ResolvedSeries, lay: Layout, box: Box): string {
  const band = r.src.band;
  if (!band) return '';
  // On a log axis a band reaching zero or below (mean − std < 0) is drawn to the bottom of the plot.
  const floor = lay.y.log ? lay.y.domain[0] : -Infinity;
  const polys: string[] = [];
  let cur: [number, number, number][] = [];
  const flush = () => {
    if (cur.length >= 2) {
      const upper = cur.map(([px, , hi]) => [px, hi] as Pt);
      const lower = cur.map(([px, lo]) => [px, lo] as Pt).reverse();
      const poly = clipPolygon([...upper, ...lower], box);
      if (poly.length >= 3) polys.push(`${polylineD(poly)}Z`);
    }
    cur = [];
  };
  for (let i = 0; i < r.src.x.length; i++) {
    const lo0 = band.lo[i] ?? NaN;
    const hi0 = band.hi[i] ?? NaN;
    const px = lay.x.map(r.src.x[i] as number);
    const lo = lay.y.log && Number.isFinite(lo0) && lo0 <= 0 ? floor : lo0;
    const pyLo = lay.y.map(lo);
    const pyHi = lay.y.map(hi0);
    if (px === null || pyLo === null || pyHi === null || Math.abs(pyLo) > PIXEL_LIMIT || Math.abs(pyHi) > PIXEL_LIMIT) {
      flush();
      continue;
    }
    cur.push([px, pyLo, pyHi]);
  }
  flush();
  return polys.length ? el('path', { d: polys.join(''), fill: r.color, 'fill-opacity': '0.2', stroke: 'none' }) : '';
}

/** Beyond this many events, circles on the curve turn into a clutter of rings: they become a rug instead. */
export const RUG_THRESHOLD = 40;

function useRug(data: LineChartData): boolean {
  return data.series.some((x) => (x.events?.length ?? 0) > RUG_THRESHOLD);
}

function drawEvents(r: ResolvedSeries, lay: Layout, box: Box, fs: number, rug: boolean, rugRow: number): string {
  const events = r.src.events;
  if (!events?.length) return '';
  const indexOf = new Map<number, number>();
  r.src.x.forEach((x, i) => indexOf.set(x, i));
  const rad = markerRadius(fs);
  const marks: string[] = [];
  const rugLen = fs * 0.5;
  const rugBase = lay.rect.top + lay.rect.height - rugRow * rugLen * 1.2;
  for (const ex of events) {
    const px = lay.x.map(ex);
    if (px === null || px < box.x0 || px > box.x1) continue;
    if (rug) {
      // A rug along the bottom of the plot: one short tick per event, a row per series.
      marks.push(`M${num(px)} ${num(rugBase)}v${num(-rugLen)}`);
      continue;
    }
    const i = indexOf.get(ex);
    if (i === undefined) continue;
    const py = lay.y.map(r.src.y[i] as number);
    if (py === null || py < box.y0 || py > box.y1) continue;
    marks.push(circlePath(px, py, rad));
  }
  return marks.length ? el('path', { class: 'events', d: marks.join(''), fill: 'none', stroke: r.color, 'stroke-width': num(r.width * (rug ? 0.5 : 0.8)) }) : '';
}

function drawHLines(data: LineChartData, lay: Layout, s: FigureSettings): string {
  const parts: string[] = [];
  for (const h of data.hLines ?? []) {
    const py = lay.y.map(h.y);
    if (py === null || py < lay.rect.top || py > lay.rect.top + lay.rect.height) continue;
    parts.push(`M${num(lay.rect.left)} ${num(py)}H${num(lay.rect.left + lay.rect.width)}`);
  }
  return parts.length
    ? el('path', { class: 'reference', d: parts.join(''), fill: 'none', stroke: REFERENCE_COLOR, 'stroke-width': num(s.lineWidth * 0.8), 'stroke-dasharray': dashArray(REFERENCE_DASH, s.lineWidth * 0.8) })
    : '';
}

interface PlacedDivergence {
  px: number;
  color: string;
  label: string;
  /** Text anchor point; vertical labels read bottom to top and end at (x, y). */
  x: number;
  y: number;
  vertical: boolean;
  box: Box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Places each divergence label beside its line where it covers the fewest curve points: horizontal in a
 * row at the top or bottom of the plot, or turned to run down along the line (which fits the usual case:
 * the curve ends at the line and the plot right of it is empty but narrow). Labels never overlap each other.
 */
function placeDivergences(data: LineChartData, lay: Layout, s: FigureSettings, fs: number, pts: Pt[]): PlacedDivergence[] {
  const labelFs = fs * 0.9;
  const { left, top, width, height } = lay.rect;
  const rowH = labelFs * 1.2;
  const rows = Math.max(1, Math.min(4, Math.floor(height / rowH / 2)));
  const baselines = [...Array.from({ length: rows }, (_, k) => top + labelFs * 1.1 + k * rowH), ...Array.from({ length: rows }, (_, k) => top + height - labelFs * 0.4 - k * rowH)];
  const asc = labelFs * FONT_ASCENT;
  const desc = labelFs * 0.22;
  const taken: Box[] = [];
  const placed: PlacedDivergence[] = [];
  const lines = (data.divergences ?? []).map((d) => lay.x.map(d.x)).filter((px): px is number => px !== null);
  // Every divergence line is an obstacle for every label, not only its own.
  pts = [...pts];
  for (const px of lines) for (let py = top; py <= top + height; py += fs * 0.5) pts.push([px, py]);
  for (const d of data.divergences ?? []) {
    const px = lay.x.map(d.x);
    if (px === null || px < left - 0.01 || px > left + width + 0.01) continue;
    const color = d.colorIndex === undefined ? '#000000' : seriesStyle(s, d.colorIndex).color;
    const w = textWidth(d.label, labelFs);
    const gap = fs * 0.25;
    type Cand = Omit<PlacedDivergence, 'px' | 'color' | 'label'>;
    const cands: Cand[] = [];
    for (const side of ['right', 'left'] as const) {
      const x0 = side === 'left' ? px - gap - w : px + gap;
      for (const y of baselines) cands.push({ x: x0, y, vertical: false, box: { x0, y0: y - asc, x1: x0 + w, y1: y + desc } });
      const vx0 = side === 'left' ? px - gap - asc - desc : px + gap;
      const vy = top + labelFs * 0.3;
      cands.push({ x: vx0 + asc, y: vy, vertical: true, box: { x0: vx0, y0: vy, x1: vx0 + asc + desc, y1: vy + w } });
    }
    let best: { c: Cand; cost: number } | null = null;
    for (const c of cands) {
      const b = c.box;
      if (b.x0 < left || b.x1 > left + width || b.y0 < top || b.y1 > top + height) continue;
      if (taken.some((t) => overlaps(t, b))) continue;
      const cost = countInside(pts, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      if (!best || cost < best.cost) best = { c, cost };
    }
    // Nowhere inside fits (a line at the very edge of a narrow plot): the top row, clamped into the plot.
    const fallbackX = Math.max(left, Math.min(px + gap, left + width - w));
    const first = baselines[0] as number;
    const c = best?.c ?? { x: fallbackX, y: first, vertical: false, box: { x0: fallbackX, y0: first - asc, x1: fallbackX + w, y1: first + desc } };
    taken.push(c.box);
    placed.push({ px, color, label: d.label, ...c });
  }
  return placed;
}

function drawDivergences(placed: PlacedDivergence[], lay: Layout, s: FigureSettings, fs: number): string {
  const out: string[] = [];
  for (const d of placed) {
    out.push(el('path', { d: `M${num(d.px)} ${num(lay.rect.top)}V${num(lay.rect.top + lay.rect.height)}`, fill: 'none', stroke: d.color, 'stroke-width': num(s.lineWidth * 0.7), 'stroke-dasharray': dashArray([1.5, 1.5], s.lineWidth * 0.7) }));
    const common = { x: num(d.x), y: num(d.y) };
    out.push(
      d.vertical
        ? el('text', { ...common, transform: `rotate(-90 ${num(d.x)} ${num(d.y)})`, 'text-anchor': 'end', 'font-size': num(fs * 0.9), fill: d.color }, text(d.label))
        : el('text', { ...common, 'font-size': num(fs * 0.9), fill: d.color }, text(d.label)),
    );
  }
  return group({ class: 'divergence' }, out);
}

function legendEntries(resolved: ResolvedSeries[], data: LineChartData, s: FigureSettings): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const r of resolved) {
    if (r.src.hideInLegend) continue;
    entries.push({ label: r.label, color: r.color, dasharray: r.dasharray, lineWidth: r.width, band: !!r.src.band, ...(r.src.noLine ? { marker: 'circle' as const } : {}) });
  }
  for (const h of data.hLines ?? []) {
    if (h.label) entries.push({ label: h.label, color: REFERENCE_COLOR, dasharray: dashArray(REFERENCE_DASH, s.lineWidth * 0.8), lineWidth: s.lineWidth * 0.8 });
  }
  const eventLabels = new Set<string>();
  for (const r of resolved) {
    if (!r.src.events?.length || !r.src.eventLabel || eventLabels.has(r.src.eventLabel)) continue;
    eventLabels.add(r.src.eventLabel);
    // One entry per kind of event: its colour is the series', so a single-run chart shows it exactly.
    entries.push({ label: r.src.eventLabel, color: resolved.length === 1 ? r.color : '#000000', lineWidth: s.lineWidth, marker: useRug(data) ? 'rug' : 'circle' });
  }
  return entries;
}

/** Screen points the legend should not cover: vertices and segment midpoints of every curve. */
function occupancy(resolved: ResolvedSeries[], lay: Layout, box: Box, fs: number): Pt[] {
  const pts: Pt[] = [];
  const stepPx = fs * 0.5;
  for (const r of resolved) {
    for (const run of runs(r.src, lay)) {
      for (const piece of clipPolyline(run, box)) {
        piece.forEach((p, i) => {
          pts.push(p);
          const next = piece[i + 1];
          if (!next) return;
          // Long segments (a jump to 1e30) are sampled along their length, not only at their ends.
          const n = Math.min(200, Math.ceil(Math.hypot(next[0] - p[0], next[1] - p[1]) / stepPx));
          for (let k = 1; k < n; k++) pts.push([p[0] + ((next[0] - p[0]) * k) / n, p[1] + ((next[1] - p[1]) * k) / n]);
        });
      }
    }
    const band = r.src.band;
    if (band) {
      for (const ys of [band.lo, band.hi]) for (const run of runs(r.src, lay, ys)) pts.push(...run);
    }
  }
  return pts;
}

/** Reference lines and divergence marks (with their labels) must stay uncovered too: sample them densely. */
function annotationOccupancy(data: LineChartData, lay: Layout, placed: PlacedDivergence[], fs: number): Pt[] {
  const pts: Pt[] = [];
  const { left, top, width, height } = lay.rect;
  const stepPx = fs * 0.5;
  for (const h of data.hLines ?? []) {
    const py = lay.y.map(h.y);
    if (py === null || py < top || py > top + height) continue;
    for (let px = left; px <= left + width; px += stepPx) pts.push([px, py]);
  }
  if (useRug(data)) for (let px = left; px <= left + width; px += stepPx) pts.push([px, top + height - fs * 0.3]);
  for (const d of placed) {
    for (let py = top; py <= top + height; py += stepPx) pts.push([d.px, py]);
    for (let x = d.box.x0; x <= d.box.x1; x += stepPx) for (let y = d.box.y0; y <= d.box.y1; y += stepPx) pts.push([x, y]);
  }
  return pts;
}

function countInside(pts: Pt[], x: number, y: number, w: number, h: number): number {
  let n = 0;
  for (const [px, py] of pts) if (px >= x && px <= x + w && py >= y && py <= y + h) n++;
  return n;
}

export function renderLineSvg(data: LineChartData, s: FigureSettings): string {
  const size = figureSize(s);
  const fs = s.fontSize;
  const st = axisStyle(fs);
  const labels = resolveLabels(data, s);
  const log = s.logY ?? data.logY;
  const resolved = resolveSeries(data, s);

  const main = data.series.filter((x) => !x.reference);
  const yValues: number[] = [];
  for (const m of main) {
    yValues.push(...m.y);
    if (m.band) yValues.push(...m.band.lo.filter((v) => !log || v > 0), ...m.band.hi);
  }
  for (const h of data.hLines ?? []) yValues.push(h.y);
  // Only x positions with something to draw define the x range; divergence marks must stay in view.
  const xValues: number[] = [];
  for (const m of main.length ? main : data.series) m.x.forEach((x, i) => isPlottable(m.y[i] ?? NaN, log) && xValues.push(x));
  for (const d of data.divergences ?? []) xValues.push(d.x);
  const inp: LayoutInput = {
    widthPt: size.widthPt,
    heightPt: size.heightPt,
    st,
    labels,
    log,
    xExtent: extent(xValues, false),
    yExtent: extent(yValues, log),
    s,
    integerX: data.integerX ?? false,
    legendEntries: legendEntries(resolved, data, s),
  };

  let lay: Layout;
  const want = s.legend;
  if (want === 'auto' || want === 'top-right' || want === 'top-left' || want === 'bottom-right' || want === 'bottom-left') {
    lay = layout(inp, 'inside');
    if (lay.legend) {
      const box = clipBox(lay.rect, s.lineWidth);
      const corners = want === 'auto' ? ['top-right', 'top-left', 'bottom-right', 'bottom-left'] : [want];
      const curves = occupancy(resolved, lay, box, fs);
      const pts = want === 'auto' ? [...curves, ...annotationOccupancy(data, lay, placeDivergences(data, lay, s, fs, curves), fs)] : [];
      let best: { corner: string; n: number } | null = null;
      for (const c of corners) {
        const [lx, ly] = insideCorner(lay.rect, lay.legend, c, fs);
        const n = countInside(pts, lx, ly, lay.legend.width, lay.legend.height);
        if (!best || n < best.n) best = { corner: c, n };
      }
      const tooBig = lay.legend.width > lay.rect.width * 0.8 || lay.legend.height > lay.rect.height * 0.8;
      if (want === 'auto' && best && (best.n > 0 || tooBig)) {
        // No free corner: the legend goes outside rather than hide data.
        lay = layout(inp, size.widthPt >= 400 ? 'right' : 'below');
      } else if (best) {
        lay.legendAt = insideCorner(lay.rect, lay.legend, best.corner, fs);
      }
    }
  } else {
    lay = layout(inp, want);
  }

  const box = clipBox(lay.rect, s.lineWidth);
  const body: string[] = [];
  if (s.grid) body.push(drawGrid(lay.x, lay.y, lay.rect, st));
  body.push(group({ class: 'bands' }, resolved.map((r) => drawBand(r, lay, box))));
  body.push(drawHLines(data, lay, s));
  // Reference curves under the data, then series in reverse so the first series (black) ends on top.
  const order = [...resolved.filter((r) => r.src.reference), ...resolved.filter((r) => !r.src.reference).reverse()];
  body.push(group({ class: 'series' }, order.map((r) => drawSeries(r, lay, box, fs) + (r.src.markers && !r.src.noLine ? drawMarkers(r, lay, box, fs) : ''))));
  const rug = useRug(data);
  let rugRow = 0;
  body.push(group({ class: 'events' }, resolved.map((r) => drawEvents(r, lay, box, fs, rug, r.src.events?.length ? rugRow++ : rugRow))));
  const taken = occupancy(resolved, lay, box, fs);
  if (lay.legend && lay.legendAt && s.legend !== 'right' && s.legend !== 'below') {
    // An inside legend is fixed by now: labels must not land on it either.
    const [lx, ly] = lay.legendAt;
    for (let x = lx; x <= lx + lay.legend.width; x += fs * 0.5) for (let y = ly; y <= ly + lay.legend.height; y += fs * 0.5) taken.push([x, y]);
  }
  body.push(drawDivergences(placeDivergences(data, lay, s, fs, taken), lay, s, fs));
  body.push(drawXAxis(lay.x, lay.rect, st));
  body.push(drawYAxis(lay.y, lay.rect, st));
  body.push(drawAxisLabels(lay.rect, labels.xLabel, labels.yLabel, lay.xLabelBaseline, lay.yLabelX, fs));
  if (lay.legend && lay.legendAt) body.push(lay.legend.render(lay.legendAt[0], lay.legendAt[1]));
  body.push(drawTitle(labels.title, lay.rect.left + lay.rect.width / 2, fs * 0.5, fs));
  if (main.every((m) => !m.y.some((v) => isPlottable(v, log)))) {
    body.push(el('text', { x: num(lay.rect.left + lay.rect.width / 2), y: num(lay.rect.top + lay.rect.height / 2 + (fs * FONT_CAP_HEIGHT) / 2), 'text-anchor': 'middle', fill: '#6E6E6E' }, text('no data')));
  }
  return svgDocument(size, s, labels.title, `${labels.yLabel} vs ${labels.xLabel}`, body);
}
