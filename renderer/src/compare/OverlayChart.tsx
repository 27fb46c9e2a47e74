/**
 * An interactive overlay of curves (recharts): lines, optional bands, divergence markers and reference lines,
 * on a linear or log y axis. The wrapper is role="img" with a text summary; the legend toggles curves.
 */
import { useId, useMemo, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTick } from '../../../core/shared/ticks';
import { mergeRows, xExtent, yAxisSpec } from './chart-axes';
import { niceTicks } from '../../../core/shared/ticks';
import type { PlotSeries } from './chart-model';
import { REFERENCE_COLOR, type LineStyle } from '../../../core/shared/palette';
import { symbolPath } from '../../../core/shared/markers';
import { ChartTooltip } from './ChartTooltip';

export interface ChartMarker {
  x: number;
  label: string;
  color: string;
}

export interface OverlayChartProps {
  /** Accessible name of the chart, e.g. "Loss". */
  name: string;
  series: readonly PlotSeries[];
  log: boolean;
  xLabel: string;
  yLabel: string;
  markers?: readonly ChartMarker[];
  hLines?: readonly { y: number; label: string }[];
  height?: number;
}

/**
 * Past the eighth curve colours repeat, so a curve also carries its marker (core/shared/palette.ts's
 * styleSlot, as in the exported figure): drawn at about six of its points.
 */
function symbolDot(style: LineStyle, every: number) {
  const SymbolDot = (props: unknown) => {
    const { cx, cy, index } = props as { cx?: number; cy?: number; index?: number };
    if (
      !style.marker ||
      cx === undefined ||
      cy === undefined ||
      !Number.isFinite(cx) ||
      !Number.isFinite(cy) ||
      (index ?? 0) % every !== 0
    )
      return <g key={`${index}`} />;
    return (
      <path
        key={`${index}`}
        d={symbolPath(style.marker, cx, cy, 3)}
        fill="#fff"
        stroke={style.color}
        strokeWidth={1.2}
      />
    );
  };
  return SymbolDot;
}

export function OverlayChart({
  name,
  series,
  log,
  xLabel,
  yLabel,
  markers = [],
  hLines = [],
  height = 250,
}: OverlayChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const descId = useId();
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.key)), [series, hidden]);
  const rows = useMemo(() => mergeRows(shown, log), [shown, log]);
  const y = useMemo(() => yAxisSpec(shown, log), [shown, log]);
  const xRange = useMemo(() => xExtent(shown), [shown]);
  const toggle = (key: string) =>
    setHidden((h) => (h.has(key) ? new Set([...h].filter((k) => k !== key)) : new Set(h).add(key)));

  return (
    <figure className="overlay-chart">
      <div role="img" aria-label={name} aria-describedby={descId} className="chart-canvas" style={{ height }}>
        <p id={descId} className="visually-hidden">
          {`${series.length} ${series.length === 1 ? 'curve' : 'curves'}: ${series.map((s) => s.label).join('; ')}. x: ${xLabel}; y: ${yLabel}${log ? ' (log scale)' : ''}.`}
        </p>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#eceff3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={xRange ?? ['dataMin', 'dataMax']}
              {...(xRange ? { ticks: niceTicks(xRange[0], xRange[1]) } : {})}
              tickFormatter={formatTick}
              fontSize={11}
              stroke="#6b7580"
              label={{ value: xLabel, position: 'insideBottom', offset: -10, fontSize: 11, fill: '#4a5461' }}
            />
            <YAxis
              scale={log ? 'log' : 'linear'}
              domain={y.domain}
              ticks={y.ticks}
              allowDataOverflow
              tickFormatter={y.format}
              fontSize={11}
              width={54}
              stroke="#6b7580"
              label={{
                value: yLabel,
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                fontSize: 11,
                fill: '#4a5461',
                style: { textAnchor: 'middle' },
              }}
            />
            <Tooltip content={<ChartTooltip series={shown} xLabel={xLabel} />} isAnimationActive={false} />
            {shown.map((s) =>
              s.lo ? (
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
            {hLines.map((h) => (
              <ReferenceLine
                key={h.label}
                y={h.y}
                stroke={REFERENCE_COLOR}
                strokeDasharray="8 3 2 3"
                label={{ value: h.label, position: 'insideTopRight', fontSize: 10, fill: REFERENCE_COLOR }}
              />
            ))}
            {markers.map((m) => (
              <ReferenceLine
                key={`${m.label}@${m.x}`}
                x={m.x}
                stroke={m.color}
                strokeDasharray="2 2"
                label={{ value: '↯', position: 'top', fontSize: 12, fill: m.color }}
              />
            ))}
            {shown.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.style.color}
                strokeDasharray={s.style.dash}
                strokeWidth={1.6}
                dot={s.style.marker ? symbolDot(s.style, Math.max(1, Math.floor(rows.length / 6))) : false}
                activeDot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
                type="linear"
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <button
            key={s.key}
            type="button"
            className="legend-item"
            aria-pressed={!hidden.has(s.key)}
            title={hidden.has(s.key) ? 'Show this curve' : 'Hide this curve'}
            onClick={() => toggle(s.key)}
          >
            <svg width="26" height="10" aria-hidden="true">
              {s.lo && <rect x="0" y="1" width="26" height="8" fill={s.style.color} fillOpacity="0.15" />}
              <line
                x1="0"
                y1="5"
                x2="26"
                y2="5"
                stroke={s.style.color}
                strokeWidth="2"
                strokeDasharray={s.style.dash}
              />
              {s.style.marker && (
                <path d={symbolPath(s.style.marker, 13, 5, 3)} fill="#fff" stroke={s.style.color} strokeWidth="1.2" />
              )}
            </svg>
            {s.label}
          </button>
        ))}
        {markers.length > 0 && <span className="legend-note">↯ divergence</span>}
      </figcaption>
    </figure>
  );
}
