/** Drawing a laid-out line chart: curves (split at gaps), bands, markers, events and reference lines. */
import { m4Points } from '../../../shared/decimate';
import { clipPolygon, clipPolyline, type Box, type Pt } from '../../geometry';
import { markerRadius } from '../../legend';
import { circlePath, symbolPath, symbolSpots } from '../../../shared/markers';
import { dashArray, REFERENCE_COLOR, REFERENCE_DASH, type MarkerShape } from '../../../shared/palette';
import type { FigureSettings } from '../../settings';
import { el, num, polylineD } from '../../svg';
import type { LineChartData, LineSeries } from '../../types';
import { PIXEL_LIMIT, runs, type LineLayout } from './layout';

export interface ResolvedSeries {
  src: LineSeries;
  label: string;
  color: string;
  dasharray: string | undefined;
  width: number;
  opacity: number | undefined;
  /** A marker along the line (series past the eighth: colour × dash × marker). */
  marker?: MarkerShape | undefined;
}

/** Open circles at every drawable point of a series with markers (or a scatter). */
export function drawMarkers(r: ResolvedSeries, lay: LineLayout, box: Box, fs: number): string {
  const rad = markerRadius(fs) * 1.15;
  const marks: string[] = [];
  for (const run of runs(r.src, lay)) {
    for (const [px, py] of run)
      if (px >= box.x0 && px <= box.x1 && py >= box.y0 && py <= box.y1) marks.push(circlePath(px, py, rad));
  }
  return marks.length
    ? el('path', {
        class: 'markers',
        d: marks.join(''),
        fill: 'none',
        stroke: r.color,
        'stroke-width': num(r.width * 0.8),
      })
    : '';
}

export function drawSeries(r: ResolvedSeries, lay: LineLayout, box: Box, fs: number): string {
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

export function drawBand(r: ResolvedSeries, lay: LineLayout, box: Box): string {
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

export function eventsAsRug(data: LineChartData): boolean {
  return data.series.some((x) => (x.events?.length ?? 0) > RUG_THRESHOLD);
}

export function drawEvents(
  r: ResolvedSeries,
  lay: LineLayout,
  box: Box,
  fs: number,
  rug: boolean,
  rugRow: number,
): string {
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
  return marks.length
    ? el('path', {
        class: 'events',
        d: marks.join(''),
        fill: 'none',
        stroke: r.color,
        'stroke-width': num(r.width * (rug ? 0.5 : 0.8)),
      })
    : '';
}

export function drawHLines(data: LineChartData, lay: LineLayout, s: FigureSettings): string {
  const parts: string[] = [];
  for (const h of data.hLines ?? []) {
    const py = lay.y.map(h.y);
    if (py === null || py < lay.rect.top || py > lay.rect.top + lay.rect.height) continue;
    parts.push(`M${num(lay.rect.left)} ${num(py)}H${num(lay.rect.left + lay.rect.width)}`);
  }
  return parts.length
    ? el('path', {
        class: 'reference',
        d: parts.join(''),
        fill: 'none',
        stroke: REFERENCE_COLOR,
        'stroke-width': num(s.lineWidth * 0.8),
        'stroke-dasharray': dashArray(REFERENCE_DASH, s.lineWidth * 0.8),
      })
    : '';
}

/**
 * Marker symbols along a curve whose colour and dash repeat an earlier series' (past the eighth): a few,
 * evenly spaced and offset per series so neighbouring curves' symbols do not sit on each other.
 */
export function drawSymbols(r: ResolvedSeries, lay: LineLayout, box: Box, fs: number, seriesIndex: number): string {
  if (!r.marker) return '';
  const pts = runs(r.src, lay)
    .flat()
    .filter(([px, py]) => px >= box.x0 && px <= box.x1 && py >= box.y0 && py <= box.y1);
  if (!pts.length) return '';
  const marks = symbolSpots(pts.length, seriesIndex).map((i) => {
    const [px, py] = pts[i] as Pt;
    return symbolPath(r.marker!, px, py, markerRadius(fs) * 1.3);
  });
  return el('path', {
    class: 'symbols',
    d: marks.join(''),
    fill: '#FFFFFF',
    stroke: r.color,
    'stroke-width': num(r.width * 0.8),
  });
}
