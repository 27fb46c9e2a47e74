/** Tooltip listing every curve's nearest point to the pointer, since curves rarely share x values. */
import type { PlotSeries } from './plot-series';
import { tooltipRows, tooltipX } from './tooltip-rows';

export interface ChartTooltipProps {
  active?: boolean;
  label?: number | string;
  series: readonly PlotSeries[];
  xLabel: string;
}

export function ChartTooltip({ active, label, series, xLabel }: ChartTooltipProps) {
  if (!active || label === undefined) return null;
  const x = Number(label);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-x">
        {xLabel} {tooltipX(x)}
      </div>
      <table>
        <tbody>
          {tooltipRows(series, x).map((r) => (
            <tr key={r.key}>
              <td>
                <svg width="18" height="8" aria-hidden="true">
                  <line
                    x1="0"
                    y1="4"
                    x2="18"
                    y2="4"
                    stroke={r.style.color}
                    strokeWidth="2"
                    strokeDasharray={r.style.dash}
                  />
                </svg>
              </td>
              <td className="chart-tooltip-name">{r.label}</td>
              <td className="num">{r.value}</td>
              <td className="num muted">{r.band}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
