/**
 * The plotted data as CSV for pgfplots (`\addplot table[x=x, y=..., col sep=comma]`): `x` first, one column
 * per curve, `nan` where a curve has no point (pgfplots skips those: same gaps as the figure). Numbers are
 * written with JavaScript's shortest round-trip form, so reading the file back gives the exact doubles.
 */
import type { FigureSettings } from '../settings';
import { seriesLabel } from '../charts/line';
import type { HeatmapData, LineChartData } from '../types';

export function csvNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/** pgfplots reads headers literally and knows no quoting: commas, quotes and line breaks are replaced. */
function header(name: string): string {
  return (
    name
      .replace(/[,"\r\n]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'y'
  );
}

function uniqueHeaders(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = header(n);
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} ${k}`;
  });
}

export function lineCsv(data: LineChartData, s: FigureSettings): string {
  const columns: { name: string; values: Map<number, number> }[] = [];
  const xs = new Set<number>();
  for (const series of data.series) {
    if (series.x.length === 0) continue; // legend-only entries hold no data
    const label = seriesLabel(series, s);
    const y = new Map<number, number>();
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    series.x.forEach((x, i) => {
      if (!Number.isFinite(x)) return;
      xs.add(x);
      y.set(x, series.y[i] ?? NaN);
      if (series.band) {
        lo.set(x, series.band.lo[i] ?? NaN);
        hi.set(x, series.band.hi[i] ?? NaN);
      }
    });
    columns.push({ name: label, values: y });
    if (series.band) columns.push({ name: `${label} lo`, values: lo }, { name: `${label} hi`, values: hi });
    if (series.events?.length) {
      const ev = new Map<number, number>();
      for (const e of series.events) if (y.has(e)) ev.set(e, y.get(e) as number);
      columns.push({ name: `${label} ${series.eventLabel ?? 'events'}`, values: ev });
    }
  }
  const sortedX = [...xs].sort((a, b) => a - b);
  // Reference lines as constant columns: pgfplots can draw them from the same table.
  for (const h of data.hLines ?? [])
    columns.push({ name: h.label || 'reference', values: new Map(sortedX.map((x) => [x, h.y])) });
  const names = uniqueHeaders(['x', ...columns.map((c) => c.name)]);
  const lines = [names.join(',')];
  for (const x of sortedX)
    lines.push([csvNumber(x), ...columns.map((c) => csvNumber(c.values.get(x) ?? NaN))].join(','));
  return `${lines.join('\n')}\n`;
}

/** Long format, one row per cell, t varying fastest (pgfplots: `matrix plot*` with `mesh/cols=` the number of t). */
export function heatmapCsv(data: HeatmapData): string {
  const lines = ['step,t,value'];
  data.x.forEach((x, i) => {
    const col = data.values[i] ?? [];
    data.y.forEach((t, j) => lines.push(`${csvNumber(x)},${csvNumber(t)},${csvNumber(col[j] ?? NaN)}`));
  });
  return `${lines.join('\n')}\n`;
}
