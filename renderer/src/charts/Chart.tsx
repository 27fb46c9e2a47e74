/**
 * The window's one chart (recharts): curves, optional bands, point events, vertical markers (divergence) and
 * horizontal references, on a linear or log y axis, from PlotSeries. The live view's charts and Compare's
 * are configurations of it; ChartFrame (live) and ChartPanel (Compare) give it a title, and ChartLegend names
 * what it draws. Every curve is thinned once for the screen (plot-series.ts forScreen).
 *
 *   <Chart series={curves} log xLabel="training step" yLabel="loss" xMarkers={divergences} />
 */
import { useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { symbolPath, symbolSpots } from '../../../core/shared/markers';
import { type LineStyle } from '../../../core/shared/palette';
import { fixedYAxis, mergeRows, xAxis, yAxis } from './axes';
import { ChartTooltip } from './ChartTooltip';
import { forScreen, type PlotSeries, type XMarker, type YMarker } from './plot-series';

export interface ChartProps {
  series: readonly PlotSeries[];
  log: boolean;
  xLabel: string;
  yLabel: string;
  /** A fixed y range (accuracy's 0–1); else fitted to the data and the y markers. */
  yDomain?: [number, number];
  xMarkers?: readonly XMarker[];
  yMarkers?: readonly YMarker[];
  /** Keys of curves the legend has hidden. */
  hidden?: ReadonlySet<string>;
  /** A tooltip listing every curve's nearest point (Compare, where curves rarely share x values). */
  tooltip?: boolean;
  height?: number;
  xTickFormat?: (v: number) => string;
}

const AXIS_STYLE = { fontSize: 11, fill: '#4a5562' };
/** Sparse curves (held-out loss every evalEvery steps) show their points; dense ones are lines. */
const SPARSE = 24;
const NO_HIDDEN: ReadonlySet<string> = new Set();

/** Point events as small dots: recharts' default scatter symbol would bury the curve under them. */
const smallDot = (props: unknown) => {
  const { cx, cy, fill } = props as { cx?: number; cy?: number; fill?: string };
  return <circle cx={cx} cy={cy} r={2.2} fill={fill} />;
};

/**
 * Past the eighth curve colours repeat, so a curve also carries its marker (core/shared/palette.ts's
 * styleSlot, as in the exported figure). The symbols are a Scatter of a few points (symbolSpots, placed as in
 * the figure): a Line's `dot` is called for every one of its points, 1,500 × 50 curves in a Compare panel.
 */
function symbolShape(style: LineStyle) {
  const SymbolShape = (props: unknown) => {
    const { cx, cy } = props as { cx?: number; cy?: number };
    if (!style.marker || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />;
    return (
      <path
        d={symbolPath(style.marker, cx as number, cy as number, 3)}
        fill="#fff"
        stroke={style.color}
        strokeWidth={1.2}
      />
    );
  };
  return SymbolShape;
}

/** The points of a curve that carry its symbol, as Scatter rows. */
function symbolRows(s: PlotSeries, seriesIndex: number): Record<string, number>[] {
  const finite: number[] = [];
  s.x.forEach((px, i) => {
    const py = s.y[i];
    if (Number.isFinite(px) && typeof py === 'number' && Number.isFinite(py)) finite.push(i);
  });
  return symbolSpots(finite.length, seriesIndex).map((k) => {
    const i = finite[k] as number;
    return { x: s.x[i] as number, [s.key]: s.y[i] as number };
  });
}

// Where recharts puts the axis and marker labels (placement keywords, not text).
const X_LABEL_AT = 'insideBottom';
const Y_LABEL_AT = 'insideLeft';
const MARKER_LABEL_AT = 'insideTopRight';
const Y_LABEL_STYLE = { ...AXIS_STYLE, textAnchor: 'middle' } as const;

export function Chart({
  series,
  log,
  xLabel,
  yLabel,
  yDomain,
  xMarkers = [],
  yMarkers = [],
  hidden = NO_HIDDEN,
  tooltip = false,
  height = 220,
  xTickFormat,
}: ChartProps) {
  const shown = useMemo(
    () => series.filter((s) => !hidden.has(s.key)).map((s) => forScreen(s, log)),
    [series, hidden, log],
  );
  const rows = useMemo(() => mergeRows(shown, log), [shown, log]);
  const y = useMemo(
    () =>
      yDomain
        ? fixedYAxis(yDomain, log)
        : yAxis(
            shown,
            log,
            yMarkers.map((m) => m.y),
          ),
    [shown, log, yDomain, yMarkers],
  );
  const x = useMemo(() => xAxis(shown, xMarkers), [shown, xMarkers]);
  const symbols = useMemo(
    () => shown.map((s, i) => (s.style.marker && s.kind !== 'points' ? symbolRows(s, i) : null)),
    [shown],
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e8ebef" />
        <XAxis
          type="number"
          dataKey="x"
          domain={x.domain}
          allowDataOverflow
          ticks={x.ticks}
          tick={AXIS_STYLE}
          tickFormatter={xTickFormat ?? x.format}
          label={{ value: xLabel, position: X_LABEL_AT, offset: -10, style: AXIS_STYLE }}
        />
        <YAxis
          type="number"
          scale={log ? 'log' : 'linear'}
          domain={y.domain}
          allowDataOverflow
          ticks={y.ticks}
          tick={AXIS_STYLE}
          width={54}
          tickFormatter={y.format}
          label={{
            value: yLabel,
            angle: -90,
            position: Y_LABEL_AT,
            offset: 8,
            style: Y_LABEL_STYLE,
          }}
        />
        {tooltip && <Tooltip content={<ChartTooltip series={shown} xLabel={xLabel} />} isAnimationActive={false} />}
        {shown.map((s) =>
          s.lo && s.hi ? (
            <Area
              key={`${s.key}~band`}
              dataKey={`${s.key}~band`}
              stroke="none"
              fill={s.style.color}
              fillOpacity={0.15}
              connectNulls
              isAnimationActive={false}
              activeDot={false}
              legendType="none"
              tooltipType="none"
            />
          ) : null,
        )}
        {yMarkers.map((m) => (
          <ReferenceLine
            key={`y:${m.label}@${m.y}`}
            y={m.y}
            stroke={m.color}
            strokeDasharray="5 3 1 3"
            {...(m.onPlot ? { label: { value: m.label, position: MARKER_LABEL_AT, fontSize: 10, fill: m.color } } : {})}
          />
        ))}
        {xMarkers.map((m) => (
          // Unlabelled on the plot, where a label would collide with curves or the edge: the legend names it.
          <ReferenceLine key={`x:${m.label}@${m.x}`} x={m.x} stroke={m.color} strokeWidth={1.5} strokeDasharray="4 3" />
        ))}
        {shown.map((s) =>
          s.kind === 'points' ? (
            <Scatter
              key={s.key}
              name={s.label}
              data={s.x.map((px, i) => ({ x: px, [s.key]: s.y[i] }))}
              dataKey={s.key}
              fill={s.style.color}
              shape={smallDot}
              isAnimationActive={false}
              tooltipType="none"
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="linear"
              stroke={s.style.color}
              strokeWidth={s.width ?? 1.6}
              strokeDasharray={s.style.dash}
              dot={
                s.style.marker
                  ? false
                  : s.x.length <= SPARSE && !s.reference
                    ? { r: 2.5, fill: s.style.color, stroke: s.style.color }
                    : false
              }
              activeDot={tooltip ? { r: 3 } : false}
              connectNulls
              isAnimationActive={false}
            />
          ),
        )}
        {shown.map((s, i) => {
          const rowsOf = symbols[i];
          return rowsOf?.length ? (
            <Scatter
              key={`${s.key}~symbols`}
              data={rowsOf}
              dataKey={s.key}
              shape={symbolShape(s.style)}
              isAnimationActive={false}
              legendType="none"
              tooltipType="none"
            />
          ) : null;
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
