/**
 * Where the line chart's legend goes, decided by measuring it (the bundled font's metrics): inside the plot
 * while a corner holds it without covering data; else right of or below the plot in as many columns as fit;
 * else the same with a smaller legend font, down to 6 pt; else, for a custom size, the figure grows in
 * height; a preset size that cannot hold it is an error that says how many entries it could hold. The plot
 * keeps at least half the figure's width and height, and nothing is drawn outside the canvas.
 */
import { LabError } from '../../../api/errors';
import type { FigureSize } from '../../../shared/figure-size';
import { dashArray, REFERENCE_COLOR, REFERENCE_DASH } from '../../../shared/palette';
import { legendText } from '../../../shared/legend-text';
import type { LegendEntry } from '../../legend';
import type { FigureSettings } from '../../settings';
import type { LineChartData } from '../../types';
import { figureWords } from '../../words';
import { eventsAsRug, type ResolvedSeries } from './draw';
import { placeDivergences } from './divergence-labels';
import { clipBox, insideCorner, layoutLine, type LineLayout, type LineLayoutInput } from './layout';
import { annotationOccupancy, countInside, occupancy } from './occupancy';

/** The smallest legend font a printed figure stays readable at. */
export const MIN_LEGEND_PT = 6;

export function legendEntries(resolved: ResolvedSeries[], data: LineChartData, s: FigureSettings): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const shown = resolved.filter((r) => !r.src.hideInLegend);
  // One rule for the file and the window's Compare legend (core/shared/legend-text.ts).
  const text = legendText(
    shown.map((r) => r.src),
    s.legendNames,
  );
  if (text.caption) entries.push({ label: text.caption, color: '#000000', lineWidth: 0, caption: true });
  shown.forEach((r, i) => {
    entries.push({
      label: text.labels[i] ?? r.label,
      color: r.color,
      dasharray: r.dasharray,
      lineWidth: r.width,
      band: !!r.src.band,
      ...(r.src.noLine ? { marker: 'circle' as const } : r.marker ? { symbol: r.marker } : {}),
    });
  });
  for (const h of data.hLines ?? []) {
    if (h.label)
      entries.push({
        label: h.label,
        color: REFERENCE_COLOR,
        dasharray: dashArray(REFERENCE_DASH, s.lineWidth * 0.8),
        lineWidth: s.lineWidth * 0.8,
      });
  }
  const eventLabels = new Set<string>();
  for (const r of resolved) {
    if (!r.src.events?.length || !r.src.eventLabel || eventLabels.has(r.src.eventLabel)) continue;
    eventLabels.add(r.src.eventLabel);
    // One entry per kind of event: its colour is the series', so a single-run chart shows it exactly.
    entries.push({
      label: r.src.eventLabel,
      color: resolved.length === 1 ? r.color : '#000000',
      lineWidth: s.lineWidth,
      marker: eventsAsRug(data) ? 'rug' : 'circle',
    });
  }
  return entries;
}

export interface PlacedLegend {
  lay: LineLayout;
  /** The figure's size: the chosen one, or taller for a custom size whose legend needed it. */
  size: FigureSize;
}

/** The plot keeps at least half the figure each way, and the legend stays on the canvas. */
function fits(lay: LineLayout, inp: LineLayoutInput): boolean {
  if (lay.rect.width < inp.widthPt * 0.5 - 1e-6 || lay.rect.height < inp.heightPt * 0.5 - 1e-6) return false;
  if (!lay.legend || !lay.legendAt) return true;
  const [x, y] = lay.legendAt;
  return (
    x >= -1e-6 &&
    y >= -1e-6 &&
    x + lay.legend.width <= inp.widthPt + 1e-6 &&
    y + lay.legend.height <= inp.heightPt + 1e-6
  );
}

/** Legend font sizes to try: the chart's, then smaller in half points down to MIN_LEGEND_PT. */
function legendSizes(fs: number): number[] {
  const out = [fs];
  for (let f = Math.floor(fs * 2 - 1) / 2; f >= MIN_LEGEND_PT; f -= 0.5) out.push(f);
  return out;
}

export function placeLegend(
  inp: LineLayoutInput,
  resolved: ResolvedSeries[],
  data: LineChartData,
  s: FigureSettings,
  size: FigureSize,
): PlacedLegend {
  const fs = inp.st.fontSize;
  const want = s.legend;
  if (want === 'none' || inp.legendEntries.length === 0) return { lay: layoutLine(inp, 'none'), size };
  if (want !== 'right' && want !== 'below') {
    const lay = layoutLine(inp, 'inside');
    if (lay.legend) {
      const box = clipBox(lay.rect, s.lineWidth);
      const corners = want === 'auto' ? ['top-right', 'top-left', 'bottom-right', 'bottom-left'] : [want];
      const curves = occupancy(resolved, lay, box, fs);
      const pts =
        want === 'auto'
          ? [...curves, ...annotationOccupancy(data, lay, placeDivergences(data, lay, s, fs, curves), fs)]
          : [];
      let best: { corner: string; n: number } | null = null;
      for (const c of corners) {
        const [lx, ly] = insideCorner(lay.rect, lay.legend, c, fs);
        const n = countInside(pts, lx, ly, lay.legend.width, lay.legend.height);
        if (!best || n < best.n) best = { corner: c, n };
      }
      const tooBig = lay.legend.width > lay.rect.width * 0.8 || lay.legend.height > lay.rect.height * 0.8;
      // A corner the user chose holds the legend if it fits the plot; `auto` also wants it off the data.
      if (best && !tooBig && (want !== 'auto' || best.n === 0)) {
        lay.legendAt = insideCorner(lay.rect, lay.legend, best.corner, fs);
        return { lay, size };
      }
    }
  }
  // Outside the plot: the side asked for, or for `auto` (and a corner too small) the roomier side first.
  const sides: ('right' | 'below')[] =
    want === 'right' || want === 'below' ? [want] : inp.widthPt >= 400 ? ['right', 'below'] : ['below', 'right'];
  for (const lfs of legendSizes(fs)) {
    for (const side of sides) {
      const lay = layoutLine({ ...inp, legendFontSize: lfs }, side);
      if (fits(lay, inp)) return { lay, size };
    }
  }
  const minimal = { ...inp, legendFontSize: Math.min(fs, MIN_LEGEND_PT) };
  if (s.size === 'custom') {
    // A custom figure grows in height (up to 4×) until the legend below fits at the smallest font.
    for (let h = inp.heightPt * 1.1; h <= inp.heightPt * 4; h *= 1.1) {
      const taller = { ...minimal, heightPt: h };
      const lay = layoutLine(taller, 'below');
      if (fits(lay, taller)) return { lay, size: { ...size, heightPt: h, heightIn: h / 72 } };
    }
  }
  const room = Math.max(...(['right', 'below'] as const).map((side) => capacity(minimal, side)));
  const total = inp.legendEntries.filter((e) => !e.caption).length;
  const w = figureWords(s.lang).legendTooBig;
  const sizeName =
    s.size === 'custom'
      ? w.sizeName('custom', size.widthIn.toFixed(2), size.heightIn.toFixed(2))
      : w.sizeName(s.size, String(size.widthIn), String(Number(size.heightIn.toFixed(3))));
  throw new LabError('invalid_argument', w.message(total, sizeName, room, MIN_LEGEND_PT), [
    { path: 'settings.legend', message: w.field(total, room) },
  ]);
}

/** How many entries fit beside or below the plot at the smallest font (for the error message). */
export function capacity(inp: LineLayoutInput, side: 'right' | 'below'): number {
  const head = inp.legendEntries[0]?.caption ? 1 : 0;
  let lo = 0;
  let hi = inp.legendEntries.length - head;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const fewer = { ...inp, legendEntries: inp.legendEntries.slice(0, head + mid) };
    if (fits(layoutLine(fewer, side), fewer)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
