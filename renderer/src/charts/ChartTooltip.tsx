/** Tooltip listing every curve's nearest point to the pointer, since curves rarely share x values. */
import { formatMetric } from '../../../core/shared/format';
import type { PlotSeries } from './plot-series';
import { nearestIndex } from '../../../core/shared/seeds';

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
        {xLabel} {formatMetric(x, 6)}
      </div>
      <table>
        <tbody>
          {series.map((s) => {
            const i = nearestIndex(s.x, x);
            if (i < 0) return null;
            const band = s.lo && s.hi ? ` [${formatMetric(s.lo[i])}, ${formatMetric(s.hi[i])}]` : '';
            return (
              <tr key={s.key}>
                <td>
                  <svg width="18" height="8" aria-hidden="true">
                    <line
                      x1="0"
                      y1="4"
                      x2="18"
                      y2="4"
                      stroke={s.style.color}
                      strokeWidth="2"
                      strokeDasharray={s.style.dash}
                    />
                  </svg>
                </td>
                <td className="chart-tooltip-name">{s.label}</td>
                <td className="num">{formatMetric(s.y[i])}</td>
                <td className="num muted">{band}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
