/**
 * A heatmap over (x = training step, y = time step t) with a colour bar, e.g. log10 ‖∂L/∂hₜ‖. recharts has no
 * heatmap, so the cells are one canvas image (see heatmap-paint.ts) and the axes an SVG around it. Hovering
 * reads a cell out. Reusable: pass columns of values already on the colour scale.
 */
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { gridDomain, paintHeatmap, viridis, type HeatGrid } from './heatmap-paint';
import { formatNumber, formatPow10 } from '../../../core/shared/format';
import { niceTicks } from '../../../core/shared/ticks';
import { useWidth } from './useWidth';

export interface HeatmapChartProps {
  /** The x value (training step) of each column, ascending. */
  xs: number[];
  grid: HeatGrid;
  /** The y value of row 0 (t = 1 for time steps). */
  rowStart?: number;
  xLabel: string;
  yLabel: string;
  /** Under the colour bar's ticks, e.g. "‖∂L/∂hₜ‖". Ticks are shown as 10^k of the colour value. */
  colorLabel: string;
  /** Colour range in colour units; default: the data's, widened to whole decades. */
  domain?: [number, number];
  height?: number;
  /** The hover read-out of a cell's value (colour units in). */
  formatValue?: (v: number) => string;
}

const M = { left: 48, right: 86, top: 8, bottom: 36 };

function nearestIndex(xs: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs((xs[i] ?? 0) - v) < Math.abs((xs[best] ?? 0) - v)) best = i;
  return best;
}

export function HeatmapChart({
  xs,
  grid,
  rowStart = 1,
  xLabel,
  yLabel,
  colorLabel,
  domain,
  height = 240,
  formatValue = (v) => formatNumber(10 ** v),
}: HeatmapChartProps) {
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ left: number; top: number; text: string } | null>(null);
  const d = domain ?? gridDomain(grid) ?? [0, 1];
  const plotW = Math.max(10, width - M.left - M.right);
  const plotH = Math.max(10, height - M.top - M.bottom);
  const cols = grid.cols.length;
  const rows = grid.rows;

  useEffect(() => {
    if (canvasRef.current) paintHeatmap(canvasRef.current, grid, d);
    // The canvas mounts once the width is known (and remounts when a hidden tab shows again): repaint then too.
  }, [grid, d[0], d[1], width > 0]);

  const colX = (c: number) => M.left + ((c + 0.5) / Math.max(1, cols)) * plotW;
  const rowY = (r: number) => M.top + plotH - ((r + 0.5) / Math.max(1, rows)) * plotH;
  // Ticks at round training steps, placed on the column that holds each (columns are probes, evenly spaced or not).
  const xTickCols =
    cols <= 1 ? [0] : [...new Set(niceTicks(xs[0] ?? 0, xs[cols - 1] ?? 0, 5).map((v) => nearestIndex(xs, v)))];
  const yTickRows = niceTicks(rowStart, rowStart + rows - 1, 5, true)
    .map((t) => t - rowStart)
    .filter((r) => r >= 0 && r < rows);
  const cTicks = niceTicks(d[0], d[1], Math.min(8, Math.max(1, d[1] - d[0])), true);
  const barX = M.left + plotW + 18;
  const barY = (v: number) => M.top + plotH - ((v - d[0]) / (d[1] - d[0] || 1)) * plotH;
  const gradientId = `heat-bar-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = Math.floor(((e.clientX - r.left) / r.width) * cols);
    const row = rows - 1 - Math.floor(((e.clientY - r.top) / r.height) * rows);
    const v = grid.cols[c]?.[row];
    if (v === undefined || c < 0 || row < 0) return setHover(null);
    setHover({
      left: e.clientX - r.left + M.left + 12,
      top: e.clientY - r.top + M.top - 28,
      text: `step ${formatNumber(xs[c] ?? c)} · t = ${row + rowStart} · ${formatValue(v)}`,
    });
  };

  return (
    <div ref={boxRef} className="heatmap" style={{ height }}>
      {width > 0 && (
        <>
          <canvas
            ref={canvasRef}
            className="heatmap-cells"
            // Crisp cells when enlarged; smoothed when shrunk (784 rows of pixel MNIST in 200 px would alias).
            style={{
              left: M.left,
              top: M.top,
              width: plotW,
              height: plotH,
              imageRendering: cols > plotW || rows > plotH ? 'auto' : 'pixelated',
            }}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
          />
          <svg width={width} height={height} className="heatmap-axes" aria-hidden="true">
            <defs>
              <linearGradient id={gradientId} x1="0" y1="1" x2="0" y2="0">
                {Array.from({ length: 11 }, (_, i) => (
                  <stop key={i} offset={i / 10} stopColor={viridis(i / 10)} />
                ))}
              </linearGradient>
            </defs>
            <rect x={M.left - 0.5} y={M.top - 0.5} width={plotW + 1} height={plotH + 1} fill="none" stroke="#c3cad2" />
            {xTickCols.map((c) => (
              <g key={`x${c}`} transform={`translate(${colX(c)},${M.top + plotH})`}>
                <line y2="4" stroke="#8a939d" />
                <text y="15" textAnchor="middle">
                  {formatNumber(xs[c] ?? c)}
                </text>
              </g>
            ))}
            <text x={M.left + plotW / 2} y={height - 4} textAnchor="middle">
              {xLabel}
            </text>
            {yTickRows.map((r) => (
              <g key={`y${r}`} transform={`translate(${M.left},${rowY(r)})`}>
                <line x2="-4" stroke="#8a939d" />
                <text x="-7" dy="0.32em" textAnchor="end">
                  {r + rowStart}
                </text>
              </g>
            ))}
            <text transform={`translate(12,${M.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
            <rect x={barX} y={M.top} width="12" height={plotH} fill={`url(#${gradientId})`} stroke="#c3cad2" />
            {cTicks.map((v) => (
              <g key={`c${v}`} transform={`translate(${barX + 12},${barY(v)})`}>
                <line x2="4" stroke="#8a939d" />
                <text x="7" dy="0.32em">
                  {formatPow10(10 ** v)}
                </text>
              </g>
            ))}
            <text transform={`translate(${barX + 62},${M.top + plotH / 2}) rotate(90)`} textAnchor="middle">
              {colorLabel}
            </text>
          </svg>
          {hover && (
            <div className="heatmap-readout" style={{ left: hover.left, top: hover.top }}>
              {hover.text}
            </div>
          )}
        </>
      )}
    </div>
  );
}
