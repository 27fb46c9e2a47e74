/**
 * Figures as pgfplots source: a `tikzpicture` holding one `axis` with what the SVG renderer draws from the
 * same chart data and settings — labels, log scale, the palette's colours and dash patterns, bands,
 * reference lines, event marks, divergence lines with their labels, the legend — at the figure's size, in the
 * document's own fonts. Long series are thinned by M4 (as the SVG is), and the data is inline when small,
 * else in a CSV file beside the .tex (pgfplots reads it with `table[col sep=comma]`).
 */
import { m4Indices } from '../../shared/decimate';
import { resolveLabels, seriesLabel } from '../charts/line';
import { dashArray, REFERENCE_COLOR, REFERENCE_DASH, seriesStyle, type MarkerShape } from '../../shared/palette';
import { hasCjk } from '../cjk';
import { buildScale, isPlottable, type AxisScale, type TickLabel } from '../scales';
import type { FigureSettings } from '../settings';
import { figureSize } from '../../shared/figure-size';
import type { HeatmapData, LineChartData, LineSeries } from '../types';
import { texNumber, texText } from './tex-text';

/** Above this many coordinates in all, the data goes to the CSV file instead of the .tex. */
export const INLINE_POINTS = 2000;
/** Beyond this many events a series' marks become a rug along the bottom, as in the SVG. */
const RUG_THRESHOLD = 40;

export interface TexFigure {
  tex: string;
  /** The CSV the .tex reads, when the data is not inline; its name is `${base}.csv`. */
  csv: string | null;
}

const PREAMBLE_NOTE = (csv: string | null, chinese: boolean) =>
  [
    '% Figure exported by RNN Gradient Lab (gradlab) as pgfplots source.',
    '% In the preamble: \\usepackage{pgfplots} \\pgfplotsset{compat=1.16}; then \\input{this file} where the figure goes.',
    ...(chinese
      ? [
          '% Its labels are Chinese: compile with xelatex and \\usepackage{ctex} (or xeCJK) in the preamble; pdflatex cannot.',
        ]
      : []),
    ...(csv ? [`% Its data is in ${csv}, which must sit beside this file.`] : []),
  ].join('\n');

/**
 * pgfplots' marks for the palette's marker shapes, filled white and drawn in the curve's colour as the SVG
 * draws them (core/shared/markers.ts).
 */
const PGF_MARKS: Record<MarkerShape, string> = {
  circle: '*',
  square: 'square*',
  triangle: 'triangle*',
  diamond: 'diamond*',
  cross: 'x',
  plus: '+',
};

/** As many marks along a curve as the SVG draws (six), starting where the SVG's start (drawSymbols). */
const SYMBOLS_PER_CURVE = 6;
function markKeys(shape: MarkerShape, points: number, seriesIndex: number): string {
  const count = Math.max(1, Math.min(points, SYMBOLS_PER_CURVE));
  const repeat = Math.max(1, Math.floor(points / count));
  const phase = 1 + Math.min(repeat - 1, Math.floor((((seriesIndex * 0.37) % 1) / count) * points));
  return `mark=${PGF_MARKS[shape]}, mark repeat=${repeat}, mark phase=${phase}, mark options={solid, fill=white}`;
}

interface Column {
  name: string;
  values: number[];
}

/** Where data goes: inline coordinates, or columns of the CSV. */
class DataSink {
  readonly columns: Column[] = [];
  constructor(
    readonly inline: boolean,
    readonly csvName: string,
  ) {}
  /** `table` or `coordinates` text for x/y pairs. */
  table(id: string, xs: readonly number[], ys: readonly number[]): string {
    if (this.inline)
      return `coordinates {${xs.map((x, i) => `(${texNumber(x)},${texNumber(ys[i] as number)})`).join(' ')}}`;
    this.columns.push({ name: `${id}x`, values: [...xs] }, { name: `${id}y`, values: [...ys] });
    return `table[col sep=comma, x=${id}x, y=${id}y] {${this.csvName}}`;
  }
  csv(): string {
    const rows = Math.max(0, ...this.columns.map((c) => c.values.length));
    const lines = [this.columns.map((c) => c.name).join(',')];
    for (let r = 0; r < rows; r++)
      lines.push(this.columns.map((c) => (r < c.values.length ? texNumber(c.values[r] as number) : 'nan')).join(','));
    return `${lines.join('\n')}\n`;
  }
}

const colorName = (hex: string) => `gl${hex.replace('#', '').toUpperCase()}`;

function dashKey(dash: string | undefined): string {
  if (!dash) return 'solid';
  const d = dash.split(/\s+/).map(Number);
  const parts: string[] = [];
  for (let i = 0; i < d.length; i += 2) parts.push(`on ${d[i]}pt off ${d[i + 1] ?? d[i]}pt`);
  return `dash pattern=${parts.join(' ')}`;
}

interface Styled {
  src: LineSeries;
  label: string;
  color: string;
  dash: string | undefined;
  width: number;
  opacity?: number;
  /** Past the eighth series: colour × dash × marker, as the SVG (styleSlot). */
  marker?: MarkerShape;
}

function styleSeries(data: LineChartData, s: FigureSettings): Styled[] {
  return data.series.map((src, i) => {
    const ci = src.colorIndex ?? i;
    if (src.reference) {
      const color = src.colorIndex === undefined ? REFERENCE_COLOR : seriesStyle(s, ci).color;
      return {
        src,
        label: seriesLabel(src, s),
        color,
        dash: dashArray(REFERENCE_DASH, s.lineWidth * 0.8),
        width: s.lineWidth * 0.8,
        ...(src.colorIndex === undefined ? {} : { opacity: 0.75 }),
      };
    }
    const st = seriesStyle(s, ci, src.dashIndex ?? ci);
    return {
      src,
      label: seriesLabel(src, s),
      color: st.color,
      dash: st.dasharray,
      width: s.lineWidth,
      ...(st.marker ? { marker: st.marker } : {}),
    };
  });
}

/** Thinned indices: a quarter point per column over the plot's width, as the SVG draws. */
function thin(src: LineSeries, plotWidthPt: number, xRange: [number, number]): number[] {
  const width = (xRange[1] - xRange[0]) / (plotWidthPt * 4);
  if (src.markers || src.noLine || !(width > 0)) return src.x.map((_, i) => i);
  const keep = new Set(m4Indices(src.x, src.y, width));
  if (src.band) for (const ys of [src.band.lo, src.band.hi]) for (const i of m4Indices(src.x, ys, width)) keep.add(i);
  for (let i = 0; i < src.x.length; i++) if (!Number.isFinite(src.y[i] as number)) keep.add(i); // gaps stay gaps
  return [...keep].sort((a, b) => a - b);
}

const LEGEND_AT: Record<string, string> = {
  'top-right': 'legend pos=north east',
  'top-left': 'legend pos=north west',
  'bottom-right': 'legend pos=south east',
  'bottom-left': 'legend pos=south west',
  right: 'legend pos=outer north east',
  below: 'legend style={at={(0.5,-0.22)}, anchor=north, legend columns=-1}',
};

/** For `auto`: the inside corner that covers the fewest data points (in axis fractions), as the SVG prefers. */
function autoCorner(
  series: Styled[],
  log: boolean,
  xr: [number, number],
  yr: [number, number],
  entries: number,
): string {
  const w = 0.45;
  const h = Math.min(0.9, 0.12 * entries + 0.05);
  const ty = (v: number) =>
    log
      ? (Math.log10(v) - Math.log10(yr[0])) / (Math.log10(yr[1]) - Math.log10(yr[0]) || 1)
      : (v - yr[0]) / (yr[1] - yr[0] || 1);
  const counts: Record<string, number> = { 'top-right': 0, 'top-left': 0, 'bottom-right': 0, 'bottom-left': 0 };
  for (const st of series) {
    st.src.x.forEach((x, i) => {
      const y = st.src.y[i] as number;
      if (!isPlottable(y, log)) return;
      const fx = (x - xr[0]) / (xr[1] - xr[0] || 1);
      const fy = ty(y);
      if (fy >= 1 - h && fx >= 1 - w) counts['top-right']!++;
      if (fy >= 1 - h && fx <= w) counts['top-left']!++;
      if (fy <= h && fx >= 1 - w) counts['bottom-right']!++;
      if (fy <= h && fx <= w) counts['bottom-left']!++;
    });
  }
  const best = Object.entries(counts).sort((a, b) => a[1] - b[1])[0] as [string, number];
  return best[1] === 0 ? best[0] : 'right';
}

/** The axis as the SVG's scale has it: its (niced) range, its labelled ticks with their labels, minor ticks. */
function axisKeys(axis: 'x' | 'y', scale: AxisScale): string[] {
  const label = (l: TickLabel) =>
    l.sup ? `$${texText(l.text).replace(/\$/g, '')}^{${texText(l.sup).replace(/\$/g, '')}}$` : texText(l.text);
  const major = scale.ticks.filter((t) => t.label);
  const minor = scale.ticks.filter((t) => !t.label);
  return [
    `${axis}min=${texNumber(scale.domain[0])}`,
    `${axis}max=${texNumber(scale.domain[1])}`,
    `${axis}tick={${major.map((t) => texNumber(t.value)).join(',')}}`,
    `${axis}ticklabels={${major.map((t) => `{${label(t.label as TickLabel)}}`).join(',')}}`,
    ...(minor.length ? [`minor ${axis}tick={${minor.map((t) => texNumber(t.value)).join(',')}}`] : []),
  ];
}

function rangeOf(vals: number[], log: boolean): [number, number] | null {
  const ok = vals.filter((v) => isPlottable(v, log));
  return ok.length ? [Math.min(...ok), Math.max(...ok)] : null;
}

export function renderLineTex(data: LineChartData, s: FigureSettings, base: string): TexFigure {
  const size = figureSize(s);
  const labels = resolveLabels(data, s);
  const log = s.logY ?? data.logY;
  const styled = styleSeries(data, s);
  const main = styled.filter((x) => !x.src.reference);
  const xr = rangeOf(
    [
      ...(main.length ? main : styled).flatMap((m) => m.src.x.filter((_, i) => isPlottable(m.src.y[i] ?? NaN, log))),
      ...(data.divergences ?? []).map((d) => d.x),
    ],
    false,
  ) ?? [0, 1];
  const yr = rangeOf(
    [
      ...main.flatMap((m) => [...m.src.y, ...(m.src.band ? [...m.src.band.lo, ...m.src.band.hi] : [])]),
      ...(data.hLines ?? []).map((h) => h.y),
    ],
    log,
  ) ?? [log ? 0.1 : 0, 1];
  // The same scales as the SVG (ticks, labels, niced ends), sized for the plot area pgfplots leaves.
  const fs = s.fontSize;
  const plotW = size.widthPt * 0.8;
  const plotH = size.heightPt * 0.7;
  const xScale = buildScale({
    log: false,
    extent: xr,
    range: [0, plotW],
    maxTicks: Math.max(2, Math.floor(plotW / (fs * 4.2)) + 1),
    integer: data.integerX ?? false,
  });
  const yScale = buildScale({
    log,
    extent: yr,
    min: s.yMin,
    max: s.yMax,
    range: [plotH, 0],
    maxTicks: Math.max(2, Math.floor(plotH / (fs * 2.6)) + 1),
  });
  const kept = styled.map((st) => thin(st.src, plotW, xr));
  const total = kept.reduce((n, k) => n + k.length, 0);
  const sink = new DataSink(total <= INLINE_POINTS, `${base}.csv`);
  const colors = new Set<string>([
    REFERENCE_COLOR,
    '#000000',
    ...styled.map((x) => x.color),
    ...(data.divergences ?? []).map((d) =>
      d.colorIndex === undefined ? '#000000' : seriesStyle(s, d.colorIndex).color,
    ),
  ]);
  const plots: string[] = [];
  const legendOn = s.legend !== 'none';
  let entries = 0;
  const legend = (label: string) => {
    entries++;
    return legendOn ? `\\addlegendentry{${texText(label)}}` : '';
  };
  const floor = log ? yr[0] / 10 : -Infinity;

  // Bands first (under the lines), one closed polygon per finite stretch, outside the legend as in the SVG.
  styled.forEach((st, k) => {
    const band = st.src.band;
    if (!band) return;
    const idx = kept[k] as number[];
    let stretch: number[] = [];
    const flush = () => {
      if (stretch.length >= 2) {
        const xs = [
          ...stretch.map((i) => st.src.x[i] as number),
          ...[...stretch].reverse().map((i) => st.src.x[i] as number),
        ];
        const ys = [
          ...stretch.map((i) => band.hi[i] as number),
          ...[...stretch].reverse().map((i) => Math.max(band.lo[i] as number, floor)),
        ];
        plots.push(
          `\\addplot[draw=none, fill=${colorName(st.color)}, fill opacity=0.2, forget plot] ${sink.table(`b${k}_${plots.length}`, xs, ys)} -- cycle;`,
        );
      }
      stretch = [];
    };
    for (const i of idx) {
      if (
        Number.isFinite(band.lo[i] as number) &&
        Number.isFinite(band.hi[i] as number) &&
        isPlottable(band.hi[i] as number, log)
      )
        stretch.push(i);
      else flush();
    }
    flush();
  });
  for (const h of data.hLines ?? []) {
    const style = `color=${colorName(REFERENCE_COLOR)}, line width=${texNumber(s.lineWidth * 0.8)}pt, ${dashKey(dashArray(REFERENCE_DASH, s.lineWidth * 0.8))}`;
    plots.push(
      `\\draw[${style}] ({rel axis cs:0,0}|-{axis cs:${texNumber(xr[0])},${texNumber(h.y)}}) -- ({rel axis cs:1,0}|-{axis cs:${texNumber(xr[0])},${texNumber(h.y)}});`,
    );
    if (h.label) plots.push(`\\addlegendimage{${style}}`, legend(h.label));
  }
  // Reference curves under the data, then the series in order (the legend lists them in order too).
  const order = [
    ...styled.map((st, k) => ({ st, k })).filter((o) => o.st.src.reference),
    ...styled.map((st, k) => ({ st, k })).filter((o) => !o.st.src.reference),
  ];
  for (const { st, k } of order) {
    const idx = kept[k] as number[];
    const xs = idx.map((i) => st.src.x[i] as number);
    const ys = idx.map((i) => (isPlottable(st.src.y[i] as number, log) ? (st.src.y[i] as number) : NaN));
    const opts = [
      `color=${colorName(st.color)}`,
      `line width=${texNumber(st.width)}pt`,
      st.src.noLine ? 'only marks' : dashKey(st.dash),
      st.src.markers || st.src.noLine
        ? 'mark=o, mark options={solid}'
        : st.marker
          ? markKeys(st.marker, xs.length, k)
          : 'mark=none',
    ];
    if (st.opacity !== undefined) opts.push(`opacity=${st.opacity}`);
    if (st.src.hideInLegend) opts.push('forget plot');
    plots.push(`\\addplot[${opts.join(', ')}] ${sink.table(`s${k}`, xs, ys)};`);
    if (!st.src.hideInLegend) plots.push(legend(st.label));
  }
  const eventLabels = new Set<string>();
  const rug = data.series.some((x) => (x.events?.length ?? 0) > RUG_THRESHOLD);
  styled.forEach((st, k) => {
    const ev = st.src.events;
    if (!ev?.length) return;
    const at = new Map(st.src.x.map((x, i) => [x, i]));
    const style = `color=${colorName(styled.length === 1 ? st.color : '#000000')}`;
    if (rug) {
      for (const e of ev)
        plots.push(
          `\\draw[color=${colorName(st.color)}, line width=${texNumber(s.lineWidth * 0.5)}pt] ({axis cs:${texNumber(e)},${log ? 1 : 0}}|-{rel axis cs:0,0}) ++(0,${texNumber(k * 4.8)}pt) -- ++(0,4pt);`,
        );
    } else {
      const pts = ev.flatMap((e) => (at.has(e) ? [[e, st.src.y[at.get(e) as number] as number]] : []));
      plots.push(
        `\\addplot[only marks, mark=o, color=${colorName(st.color)}, forget plot] ${sink.table(
          `e${k}`,
          pts.map((p) => p[0] as number),
          pts.map((p) => p[1] as number),
        )};`,
      );
    }
    if (st.src.eventLabel && !eventLabels.has(st.src.eventLabel)) {
      eventLabels.add(st.src.eventLabel);
      plots.push(`\\addlegendimage{only marks, ${rug ? 'mark=|' : 'mark=o'}, ${style}}`, legend(st.src.eventLabel));
    }
  });
  for (const d of data.divergences ?? []) {
    const c = colorName(d.colorIndex === undefined ? '#000000' : seriesStyle(s, d.colorIndex).color);
    const x = `{axis cs:${texNumber(d.x)},${log ? 1 : 0}}`;
    plots.push(
      // The label runs down along the line, on the side with more room (the plot's left or right half).
      `\\draw[color=${c}, line width=${texNumber(s.lineWidth * 0.7)}pt, ${dashKey(dashArray([1.5, 1.5], s.lineWidth * 0.7))}] (${x}|-{rel axis cs:0,0}) -- (${x}|-{rel axis cs:0,1}) node[rotate=90, anchor=${(d.x - xScale.domain[0]) / (xScale.domain[1] - xScale.domain[0] || 1) > 0.5 ? 'south' : 'north'} east, inner sep=1.5pt, text=${c}, font=\\fontsize{${texNumber(s.fontSize * 0.9)}}{${texNumber(s.fontSize * 1.1)}}\\selectfont] {${texText(d.label)}};`,
    );
  }

  const legendPos = s.legend === 'auto' ? autoCorner(main, log, xr, yr, entries) : s.legend;
  const axisOpts = [
    `width=${texNumber(size.widthIn)}in`,
    `height=${texNumber(size.heightIn)}in`,
    `font=\\fontsize{${texNumber(s.fontSize)}}{${texNumber(s.fontSize * 1.2)}}\\selectfont`,
    ...(labels.title ? [`title={${texText(labels.title)}}`] : []),
    ...(labels.xLabel ? [`xlabel={${texText(labels.xLabel)}}`] : []),
    ...(labels.yLabel ? [`ylabel={${texText(labels.yLabel)}}`] : []),
    ...(log ? ['ymode=log', 'log basis y=10'] : []),
    ...axisKeys('x', xScale),
    ...axisKeys('y', yScale),
    ...(s.grid ? ['grid=major', 'grid style={line width=0.2pt, draw=black!15}'] : []),
    'unbounded coords=jump',
    'filter discard warning=false',
    'legend cell align=left',
    'legend style={font=\\fontsize{' +
      texNumber(s.fontSize * 0.9) +
      '}{' +
      texNumber(s.fontSize * 1.1) +
      '}\\selectfont, draw=none, fill=white, fill opacity=0.8, text opacity=1}',
    ...(legendPos && LEGEND_AT[legendPos] ? [LEGEND_AT[legendPos] as string] : []),
    'axis lines*=left',
    'clip mode=individual',
  ];
  const defs = [...colors]
    .sort()
    .map((c) => `\\definecolor{${colorName(c)}}{HTML}{${c.replace('#', '').toUpperCase()}}`);
  const csv = sink.inline ? null : sink.csv();
  const tex = [
    PREAMBLE_NOTE(csv ? `${base}.csv` : null, hasCjk(axisOpts.join('') + plots.join(''))),
    '\\begin{tikzpicture}',
    ...defs,
    `\\begin{axis}[\n  ${axisOpts.join(',\n  ')},\n]`,
    ...plots.filter(Boolean),
    '\\end{axis}',
    '\\end{tikzpicture}',
    '',
  ].join('\n');
  return { tex, csv };
}

export function renderHeatmapTex(data: HeatmapData, s: FigureSettings, base: string): TexFigure {
  const size = figureSize(s);
  const labels = resolveLabels(data, s);
  const n = data.x.length * data.y.length;
  const inline = n * 3 <= INLINE_POINTS * 2;
  // Rows in y-major order (pgfplots' mesh/ordering=x varies): x changes fastest within a row of the mesh.
  const rows: string[] = [];
  for (let j = 0; j < data.y.length; j++) {
    for (let i = 0; i < data.x.length; i++)
      rows.push(
        `${texNumber(data.x[i] as number)},${texNumber(data.y[j] as number)},${texNumber(data.values[i]?.[j] ?? NaN)}`,
      );
  }
  const table = inline
    ? `table[col sep=comma, row sep=\\\\, meta=v] {x,y,v\\\\\n${rows.join('\\\\\n')}\\\\\n}`
    : `table[col sep=comma, meta=v] {${base}.csv}`;
  const axisOpts = [
    `width=${texNumber(size.widthIn)}in`,
    `height=${texNumber(size.heightIn)}in`,
    `font=\\fontsize{${texNumber(s.fontSize)}}{${texNumber(s.fontSize * 1.2)}}\\selectfont`,
    ...(labels.title ? [`title={${texText(labels.title)}}`] : []),
    ...(labels.xLabel ? [`xlabel={${texText(labels.xLabel)}}`] : []),
    ...(labels.yLabel ? [`ylabel={${texText(labels.yLabel)}}`] : []),
    'colormap/viridis',
    'colorbar',
    `colorbar style={ylabel={${texText(data.colorLabel)}}}`,
    'enlargelimits=false',
    'axis on top',
    'unbounded coords=jump',
    'tick label style={/pgf/number format/fixed}',
  ];
  const tex = [
    PREAMBLE_NOTE(inline ? null : `${base}.csv`, hasCjk(axisOpts.join(''))),
    '\\begin{tikzpicture}',
    `\\begin{axis}[\n  ${axisOpts.join(',\n  ')},\n]`,
    `\\addplot[matrix plot*, mesh/cols=${data.x.length}, point meta=explicit] ${table};`,
    '\\end{axis}',
    '\\end{tikzpicture}',
    '',
  ].join('\n');
  return { tex, csv: inline ? null : `x,y,v\n${rows.join('\n')}\n` };
}
