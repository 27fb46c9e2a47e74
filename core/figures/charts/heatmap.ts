/**
 * Heatmap of a value over (training step × time step), e.g. log10 ‖∂L/∂h_t‖, with a colour bar. Viridis is
 * perceptually uniform and stays ordered in greyscale. Cells are quantised to 256 colour levels and drawn
 * as one path per level (vertical runs merged), so a 200 × 1000 map stays a compact, fast file.
 */
import { interpolateViridis } from 'd3-scale-chromatic';
import { scaleLinear } from 'd3-scale';
import { axisStyle, drawAxisLabels, drawXAxis, drawYAxis, labelWidth, tickText, xTickSpace, yTickSpace } from '../axes';
import { FONT_ASCENT, FONT_CAP_HEIGHT, textWidth } from '../metrics';
import { buildScale, extent, minus, type AxisScale } from '../scales';
import type { FigureSettings } from '../settings';
import { figureSize } from '../../shared/figure-size';
import { el, group, num, text } from '../svg';
import type { HeatmapData } from '../types';
import { drawTitle, svgDocument, titleSpace } from './frame';
import { figureWords } from '../words';

const LEVELS = 256;
export const MISSING_COLOR = '#D9D9D9';

/** Colour of level k (0..LEVELS-1), as uppercase hex so output never depends on d3's colour formatting. */
export function levelColor(k: number): string {
  const c = interpolateViridis(k / (LEVELS - 1));
  const m = /^#([0-9a-f]{6})$/i.exec(c);
  if (m) return `#${(m[1] as string).toUpperCase()}`;
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(c);
  if (!rgb) return '#000000';
  return `#${[rgb[1], rgb[2], rgb[3]]
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/** Cell edges around positions: midpoints between neighbours, half a spacing beyond the ends. */
export function cellEdges(pos: readonly number[]): number[] {
  const n = pos.length;
  if (n === 0) return [];
  if (n === 1) return [(pos[0] as number) - 0.5, (pos[0] as number) + 0.5];
  const edges: number[] = [];
  edges.push((pos[0] as number) - ((pos[1] as number) - (pos[0] as number)) / 2);
  for (let i = 1; i < n; i++) edges.push(((pos[i - 1] as number) + (pos[i] as number)) / 2);
  edges.push((pos[n - 1] as number) + ((pos[n - 1] as number) - (pos[n - 2] as number)) / 2);
  return edges;
}

export function renderHeatmapSvg(data: HeatmapData, s: FigureSettings): string {
  const size = figureSize(s);
  const fs = s.fontSize;
  const st = axisStyle(fs);
  const title = s.title ?? data.title;
  const xLabel = s.xLabel ?? data.xLabel;
  const yLabel = s.yLabel ?? data.yLabel;
  const pad = fs * 0.5;
  const axisLabelSpace = fs * 1.45;

  const all: number[] = [];
  for (const col of data.values) for (const v of col) all.push(v);
  const ext = extent(all, false);
  const hasMissing =
    data.values.some((col) => col.some((v) => !Number.isFinite(v))) || data.values.length < data.x.length;
  const color = scaleLinear().domain(ext ? [ext[0], ext[1] === ext[0] ? ext[0] + 1 : ext[1]] : [0, 1]);

  const xEdges = cellEdges(data.x);
  const yEdges = cellEdges(data.y);

  const top = pad + titleSpace(title, fs) + fs * 0.45;
  const bottom = pad + xTickSpace(st) + (xLabel ? axisLabelSpace : 0);
  const plotH = Math.max(fs * 3, size.heightPt - top - bottom);
  const yAxis = buildScale({
    log: false,
    extent: yEdges.length ? [yEdges[0] as number, yEdges[yEdges.length - 1] as number] : null,
    min: yEdges[0],
    max: yEdges[yEdges.length - 1],
    range: [top + plotH, top],
    maxTicks: Math.max(2, Math.floor(plotH / (fs * 2.6)) + 1),
    integer: true,
  });

  // Colour bar on the right: bar, ticks, labels, then the caption rotated along it.
  const cbWidth = fs * 0.8;
  const maxCTicks = Math.max(2, Math.floor(plotH / (fs * 2.6)) + 1);
  let cCount = maxCTicks;
  let cTicks = color.ticks(cCount);
  while (cTicks.length > maxCTicks && cCount > 2) cTicks = color.ticks(--cCount);
  // Round the colour range out to the chosen ticks, so both ends of the bar are labelled.
  color.nice(cCount);
  cTicks = color.ticks(cCount);
  const [c0, c1] = color.domain() as [number, number];
  const cFmt = color.tickFormat(cCount, '~g');
  const cLabels = cTicks.map((v) => ({ value: v, label: { text: minus(cFmt(v).replace('\u2212', '-')) } }));
  const cLabelW = Math.max(0, ...cLabels.map((t) => labelWidth(t.label, fs)));
  const missingW = hasMissing ? fs * 1.2 + textWidth(data.missingLabel ?? figureWords(s.lang).noData, fs * 0.9) : 0;
  const cbBlock =
    fs * 1.0 + cbWidth + st.tickLength + st.tickPad + cLabelW + (data.colorLabel ? fs * 0.5 + fs * 1.2 : 0);
  const right = pad + Math.max(cbBlock, missingW);

  const left = pad + (yLabel ? axisLabelSpace : 0) + yTickSpace(yAxis, st);
  const plotW = Math.max(fs * 4, size.widthPt - left - right);
  const xAxis: AxisScale = buildScale({
    log: false,
    extent: xEdges.length ? [xEdges[0] as number, xEdges[xEdges.length - 1] as number] : null,
    min: xEdges[0],
    max: xEdges[xEdges.length - 1],
    range: [left, left + plotW],
    maxTicks: Math.max(2, Math.floor(plotW / (fs * 4.2)) + 1),
    integer: true,
  });
  const rect = { left, top, width: plotW, height: plotH };

  // One path per colour level; each column's cells with the same level merge into vertical runs.
  const paths = new Map<number, string[]>();
  const missing: string[] = [];
  const add = (level: number, x0: number, x1: number, y0: number, y1: number) => {
    const d = `M${num(x0)} ${num(y0)}H${num(x1)}V${num(y1)}H${num(x0)}Z`;
    if (level < 0) missing.push(d);
    else {
      const list = paths.get(level) ?? [];
      list.push(d);
      paths.set(level, list);
    }
  };
  for (let i = 0; i < data.x.length; i++) {
    const col = data.values[i] ?? [];
    const px0 = xAxis.scale(xEdges[i] as number);
    const px1 = xAxis.scale(xEdges[i + 1] as number);
    let runLevel: number | null = null;
    let runStart = 0;
    for (let j = 0; j <= data.y.length; j++) {
      let level: number | null = null;
      if (j < data.y.length) {
        const v = col[j] ?? NaN;
        level = Number.isFinite(v)
          ? Math.max(0, Math.min(LEVELS - 1, Math.round(((v - c0) / (c1 - c0 || 1)) * (LEVELS - 1))))
          : -1;
      }
      if (level !== runLevel) {
        if (runLevel !== null)
          add(runLevel, px0, px1, yAxis.scale(yEdges[j] as number), yAxis.scale(yEdges[runStart] as number));
        runLevel = level;
        runStart = j;
      }
    }
  }
  const cells: string[] = [];
  // A hairline stroke in the cell's own colour closes the seams PDF viewers show between anti-aliased cells.
  const seam = num(Math.min(0.2, plotH / Math.max(1, data.y.length) / 2, plotW / Math.max(1, data.x.length) / 2), 3);
  const cellPath = (d: string, fill: string) => el('path', { d, fill, stroke: fill, 'stroke-width': seam });
  if (missing.length) cells.push(cellPath(missing.join(''), MISSING_COLOR));
  for (const level of [...paths.keys()].sort((a, b) => a - b))
    cells.push(cellPath((paths.get(level) as string[]).join(''), levelColor(level)));

  // Colour bar: 64 bands are smooth to the eye at print size and keep the file small.
  const cbx = left + plotW + fs * 1.0;
  const cb = scaleLinear()
    .domain([c0, c1])
    .range([top + plotH, top]);
  const bands: string[] = [];
  const nb = 64;
  for (let k = 0; k < nb; k++) {
    const y0 = top + plotH - (plotH * (k + 1)) / nb;
    const y1 = top + plotH - (plotH * k) / nb;
    // A hairline stroke in the band's colour hides the anti-aliasing seams between bands.
    const fill = levelColor(Math.round(((k + 0.5) / nb) * (LEVELS - 1)));
    bands.push(
      el('rect', {
        x: num(cbx),
        y: num(y0),
        width: num(cbWidth),
        height: num(y1 - y0),
        fill,
        stroke: fill,
        'stroke-width': '0.2',
      }),
    );
  }
  const cbTicks: string[] = [];
  const cbLabels: string[] = [];
  for (const t of cLabels) {
    const y = cb(t.value);
    cbTicks.push(`M${num(cbx + cbWidth)} ${num(y)}h${num(st.tickLength)}`);
    cbLabels.push(
      tickText(t.label, cbx + cbWidth + st.tickLength + st.tickPad, y + (fs * FONT_CAP_HEIGHT) / 2, 'start', fs),
    );
  }
  const cbParts = [
    ...bands,
    el('rect', {
      x: num(cbx),
      y: num(top),
      width: num(cbWidth),
      height: num(plotH),
      fill: 'none',
      stroke: '#000000',
      'stroke-width': num(st.lineWidth),
    }),
    el('path', { d: cbTicks.join(''), fill: 'none', stroke: '#000000', 'stroke-width': num(st.lineWidth) }),
    group({ 'font-size': num(fs) }, cbLabels),
  ];
  if (data.colorLabel) {
    const lx = cbx + cbWidth + st.tickLength + st.tickPad + cLabelW + fs * 0.5 + fs * FONT_ASCENT;
    const ly = top + plotH / 2;
    cbParts.push(
      el(
        'text',
        {
          class: 'color-label',
          x: num(lx),
          y: num(ly),
          transform: `rotate(-90 ${num(lx)} ${num(ly)})`,
          'text-anchor': 'middle',
        },
        text(data.colorLabel),
      ),
    );
  }
  if (hasMissing) {
    const my = top + plotH + xTickSpace(st) + fs * 0.2;
    cbParts.push(
      el('rect', {
        x: num(cbx),
        y: num(my - fs * 0.6),
        width: num(fs * 0.8),
        height: num(fs * 0.6),
        fill: MISSING_COLOR,
      }),
    );
    cbParts.push(
      el(
        'text',
        { x: num(cbx + fs * 1.1), y: num(my), 'font-size': num(fs * 0.9) },
        text(data.missingLabel ?? figureWords(s.lang).noData),
      ),
    );
  }

  const body = [
    group({ class: 'cells', 'shape-rendering': 'crispEdges' }, cells),
    // A frame around the map: the cells touch the axes, so spines alone would leave the top/right edge ragged.
    el('rect', {
      x: num(left),
      y: num(top),
      width: num(plotW),
      height: num(plotH),
      fill: 'none',
      stroke: '#000000',
      'stroke-width': num(st.lineWidth),
    }),
    drawXAxis(xAxis, rect, st),
    drawYAxis(yAxis, rect, st),
    drawAxisLabels(
      rect,
      xLabel,
      yLabel,
      top + plotH + xTickSpace(st) + fs * 0.35 + fs * FONT_ASCENT * 0.95,
      pad + fs * FONT_ASCENT,
      fs,
    ),
    group({ class: 'colorbar' }, cbParts),
    drawTitle(title, left + plotW / 2, pad, fs),
  ];
  return svgDocument(size, s, title, `${data.colorLabel} over ${xLabel} and ${yLabel}`, body);
}
