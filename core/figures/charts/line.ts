/**
 * Line charts (loss, gradient profile, horizon, grad norm): curves with gaps at NaN/±Inf (and at values a
 * log axis cannot show), optional mean ± std bands, reference lines, event markers and divergence marks.
 * The pieces: line/layout.ts (margins from font metrics), line/legend-placement.ts (where the legend goes),
 * line/divergence-labels.ts, line/draw.ts; this file styles the series and puts the drawing together.
 */
import { axisStyle, drawAxisLabels, drawGrid, drawXAxis, drawYAxis } from '../axes';
import { FONT_CAP_HEIGHT } from '../metrics';
import { dashArray, REFERENCE_COLOR, REFERENCE_DASH, seriesStyle } from '../../shared/palette';
import { extent, isPlottable } from '../scales';
import type { FigureSettings } from '../settings';
import { figureSize, type FigureSize } from '../../shared/figure-size';
import { el, group, num, text } from '../svg';
import type { LineChartData, LineSeries } from '../types';
import { drawTitle, svgDocument } from './frame';
import { figureWords } from '../words';
import {
  drawBand,
  drawEvents,
  drawHLines,
  drawMarkers,
  drawSeries,
  drawSymbols,
  eventsAsRug,
  type ResolvedSeries,
} from './line/draw';
import { drawDivergences, placeDivergences } from './line/divergence-labels';
import { clipBox, type LineLabels, type LineLayout, type LineLayoutInput } from './line/layout';
import { legendEntries, placeLegend } from './line/legend-placement';
import { occupancy } from './line/occupancy';

export type { LineLabels, LineLayout } from './line/layout';

export function resolveLabels(data: { title: string; xLabel: string; yLabel: string }, s: FigureSettings): LineLabels {
  return { title: s.title ?? data.title, xLabel: s.xLabel ?? data.xLabel, yLabel: s.yLabel ?? data.yLabel };
}

export function seriesLabel(series: Pick<LineSeries, 'id' | 'alias' | 'label'>, s: FigureSettings): string {
  return (
    s.legendNames[series.id] ?? (series.alias !== undefined ? s.legendNames[series.alias] : undefined) ?? series.label
  );
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
    return {
      src,
      label: seriesLabel(src, s),
      color: st.color,
      dasharray: st.dasharray,
      width: s.lineWidth,
      opacity: undefined,
      marker: st.marker,
    };
  });
}

/** Everything the line chart's drawing (and export/tex.ts) needs: the layout, the styled series, the labels. */
export interface LineChartLayout {
  lay: LineLayout;
  /** The figure's size, taller than the chosen one when a custom-size legend needed it. */
  size: FigureSize;
  resolved: ResolvedSeries[];
  labels: LineLabels;
  log: boolean;
}

/** Lays a line chart out (legend placed, see legend-placement.ts); throws a LabError when the legend cannot fit. */
export function lineChartLayout(data: LineChartData, s: FigureSettings): LineChartLayout {
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
  for (const m of main.length ? main : data.series)
    m.x.forEach((x, i) => isPlottable(m.y[i] ?? NaN, log) && xValues.push(x));
  for (const d of data.divergences ?? []) xValues.push(d.x);
  const inp: LineLayoutInput = {
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
    legendFontSize: fs,
  };
  const placed = placeLegend(inp, resolved, data, s, size);
  return { lay: placed.lay, size: placed.size, resolved, labels, log };
}

export function renderLineSvg(data: LineChartData, s: FigureSettings): string {
  const { lay, size, resolved, labels, log } = lineChartLayout(data, s);
  const fs = s.fontSize;
  const st = axisStyle(fs);
  const main = data.series.filter((x) => !x.reference);

  const box = clipBox(lay.rect, s.lineWidth);
  const body: string[] = [];
  if (s.grid) body.push(drawGrid(lay.x, lay.y, lay.rect, st));
  body.push(
    group(
      { class: 'bands' },
      resolved.map((r) => drawBand(r, lay, box)),
    ),
  );
  body.push(drawHLines(data, lay, s));
  // Reference curves under the data, then series in reverse so the first series (black) ends on top.
  const order = [...resolved.filter((r) => r.src.reference), ...resolved.filter((r) => !r.src.reference).reverse()];
  body.push(
    group(
      { class: 'series' },
      order.map(
        (r) =>
          drawSeries(r, lay, box, fs) +
          (r.src.markers && !r.src.noLine ? drawMarkers(r, lay, box, fs) : '') +
          drawSymbols(r, lay, box, fs, resolved.indexOf(r)),
      ),
    ),
  );
  const rug = eventsAsRug(data);
  let rugRow = 0;
  body.push(
    group(
      { class: 'events' },
      resolved.map((r) => drawEvents(r, lay, box, fs, rug, r.src.events?.length ? rugRow++ : rugRow)),
    ),
  );
  const taken = occupancy(resolved, lay, box, fs);
  if (lay.legend && lay.legendAt && s.legend !== 'right' && s.legend !== 'below') {
    // An inside legend is fixed by now: labels must not land on it either.
    const [lx, ly] = lay.legendAt;
    for (let x = lx; x <= lx + lay.legend.width; x += fs * 0.5)
      for (let y = ly; y <= ly + lay.legend.height; y += fs * 0.5) taken.push([x, y]);
  }
  body.push(drawDivergences(placeDivergences(data, lay, s, fs, taken), lay, s, fs));
  body.push(drawXAxis(lay.x, lay.rect, st));
  body.push(drawYAxis(lay.y, lay.rect, st));
  body.push(drawAxisLabels(lay.rect, labels.xLabel, labels.yLabel, lay.xLabelBaseline, lay.yLabelX, fs));
  if (lay.legend && lay.legendAt) body.push(lay.legend.render(lay.legendAt[0], lay.legendAt[1]));
  body.push(drawTitle(labels.title, lay.rect.left + lay.rect.width / 2, fs * 0.5, fs));
  if (main.every((m) => !m.y.some((v) => isPlottable(v, log)))) {
    body.push(
      el(
        'text',
        {
          x: num(lay.rect.left + lay.rect.width / 2),
          y: num(lay.rect.top + lay.rect.height / 2 + (fs * FONT_CAP_HEIGHT) / 2),
          'text-anchor': 'middle',
          fill: '#6E6E6E',
        },
        text(figureWords(s.lang).noData),
      ),
    );
  }
  return svgDocument(size, s, labels.title, figureWords(s.lang).versus(labels.yLabel, labels.xLabel), body);
}
