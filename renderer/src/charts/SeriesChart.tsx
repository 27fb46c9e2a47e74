/**
 * A reusable x–y chart on recharts: lines (or point events) from plain props, a log or linear y axis, vertical
 * markers (divergence), horizontal references (clip threshold) and optional bands (mean ± std, for sweeps).
 * Log axes are snapped to decades with ticks at powers of ten; non-positive values are left out on a log axis.
 *
 *   <SeriesChart series={[{ id: 'loss', label: 'train', color: ROLE.train, points }]} yScale="log"
 *                xLabel="training step" yLabel="loss" />
 * Wrap it in <ChartFrame title="Loss" …> for the title, the accessible name and the Export figure slot.
 */
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts';
import type { XY } from './downsample';
import { decadeDomain, decadeTicks, linearExtent, niceTicks, positiveExtent } from '../../../core/shared/ticks';
import { formatNumber, formatPow10 } from '../../../core/shared/format';

export interface ChartSeries {
  id: string;
  label: string;
  color: string;
  points: XY[];
  /** SVG stroke-dasharray (core/shared/palette.ts), undefined for solid. */
  dash?: string | undefined;
  width?: number;
  /** 'points' draws markers only (events such as clipped steps). */
  kind?: 'line' | 'points';
  /** A shaded range around the line, parallel points (x, lo, hi). */
  band?: { x: number; lo: number; hi: number }[];
  /** A theory curve or threshold: drawn, but not used to choose the y range. */
  reference?: boolean;
}

/** Vertical and horizontal reference lines; their labels belong in the chart's legend (see curves.ts). */
export interface XMarker {
  x: number;
  label: string;
  color: string;
}

export interface YMarker {
  y: number;
  label: string;
  color: string;
}

export interface SeriesChartProps {
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  yScale: 'log' | 'linear';
  xDomain?: [number, number];
  yDomain?: [number, number];
  xMarkers?: XMarker[];
  yMarkers?: YMarker[];
  height?: number;
  xTickFormat?: (v: number) => string;
}

const AXIS_STYLE = { fontSize: 11, fill: '#4a5562' };
const SPARSE = 24;

function fitY(series: ChartSeries[], yScale: 'log' | 'linear', extra: number[] = []): [number, number] | null {
  const values = function* () {
    yield* extra;
    for (const s of series) {
      if (s.reference) continue;
      for (const p of s.points) yield p.y;
      for (const b of s.band ?? []) {
        yield b.lo;
        yield b.hi;
      }
    }
  };
  if (yScale === 'log') {
    const e = positiveExtent(values());
    return e ? decadeDomain(e) : null;
  }
  const e = linearExtent(values());
  if (!e) return null;
  const pad = (e[1] - e[0]) * 0.05;
  return [e[0] >= 0 && e[0] - pad < 0 ? 0 : e[0] - pad, e[1] + pad];
}

function fitX(series: ChartSeries[], markers: XMarker[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (x: number) => {
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  };
  for (const s of series) for (const p of s.points) see(p.x);
  // A divergence marker sits at the step whose values are gone: keep it inside the axis.
  for (const m of markers) see(m.x);
  if (!(lo <= hi)) return null;
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** Clip events as small dots: recharts' default scatter symbol would bury the curve under them. */
const smallDot = (props: unknown) => {
  const { cx, cy, fill } = props as { cx?: number; cy?: number; fill?: string };
  return <circle cx={cx} cy={cy} r={2.2} fill={fill} />;
};

export function SeriesChart({
  series,
  xLabel,
  yLabel,
  yScale,
  xDomain,
  yDomain,
  xMarkers = [],
  yMarkers = [],
  height = 220,
  xTickFormat,
}: SeriesChartProps) {
  const log = yScale === 'log';
  // On a log axis only positive values exist; a zero gradient norm is a gap, not a line to the bottom.
  const shown = log
    ? series.map((s) => ({ ...s, points: s.points.filter((p) => p.y > 0 && Number.isFinite(p.y)) }))
    : series;
  // Reference lines (threshold, baseline) stay in view; reference curves (a bound) may leave it.
  const y =
    yDomain ??
    fitY(
      shown,
      yScale,
      yMarkers.map((m) => m.y),
    ) ??
    (log ? [0.1, 1] : [0, 1]);
  const fitted = xDomain ?? fitX(shown, xMarkers) ?? [0, 1];
  // Training steps start at 1: an axis from 0 reads better than one from 1.
  const x: [number, number] =
    !xDomain && fitted[0] > 0 && fitted[0] <= (fitted[1] - fitted[0]) * 0.05 ? [0, fitted[1]] : fitted;
  const yTicks = log ? decadeTicks(y) : niceTicks(y[0], y[1], 5);
  // Round ticks (0, 100, 200…) rather than recharts' even split of the data range (1, 76, 151…).
  // Steps and time steps are whole numbers: no 0.5 ticks when only a few points are in.
  const integerX = shown.every((s) => s.points.every((p) => Number.isInteger(p.x)));
  const xTicks = niceTicks(x[0], x[1], 6, integerX);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 18, left: 8 }}>
        <CartesianGrid stroke="#e8ebef" />
        <XAxis
          type="number"
          dataKey="x"
          domain={x}
          allowDataOverflow
          ticks={xTicks}
          tick={AXIS_STYLE}
          tickFormatter={xTickFormat ?? ((v: number) => formatNumber(v))}
          label={{ value: xLabel, position: 'insideBottom', offset: -10, style: AXIS_STYLE }}
        />
        <YAxis
          type="number"
          dataKey="y"
          scale={log ? 'log' : 'linear'}
          domain={y}
          allowDataOverflow
          ticks={yTicks}
          tick={AXIS_STYLE}
          width={52}
          tickFormatter={(v: number) => (log ? formatPow10(v) : formatNumber(v))}
          label={{
            value: yLabel,
            angle: -90,
            position: 'insideLeft',
            offset: 12,
            style: { ...AXIS_STYLE, textAnchor: 'middle' },
          }}
        />
        {shown.map((s) =>
          s.band?.length ? (
            <Area
              key={`${s.id}:band`}
              data={s.band.map((b) => ({ x: b.x, y: [b.lo, b.hi] }))}
              dataKey="y"
              stroke="none"
              fill={s.color}
              fillOpacity={0.15}
              isAnimationActive={false}
              legendType="none"
            />
          ) : null,
        )}
        {shown.map((s) =>
          s.kind === 'points' ? (
            <Scatter
              key={s.id}
              name={s.label}
              data={s.points}
              dataKey="y"
              fill={s.color}
              shape={smallDot}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.id}
              name={s.label}
              data={s.points}
              dataKey="y"
              type="linear"
              stroke={s.color}
              strokeWidth={s.width ?? 1.6}
              strokeDasharray={s.dash}
              // Sparse curves (held-out loss every evalEvery steps) show their points; dense ones are lines.
              dot={s.points.length <= SPARSE && !s.reference ? { r: 2.5, fill: s.color, stroke: s.color } : false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ),
        )}
        {yMarkers.map((m) => (
          <ReferenceLine key={`y:${m.label}`} y={m.y} stroke={m.color} strokeDasharray="5 3 1 3" />
        ))}
        {xMarkers.map((m) => (
          // Unlabelled on the plot, where a label would collide with curves or the edge: the legend names it.
          <ReferenceLine key={`x:${m.label}`} x={m.x} stroke={m.color} strokeWidth={1.5} strokeDasharray="4 3" />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
