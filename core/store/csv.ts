/**
 * A run's series as CSV: `step,wallMs,<metric>...`, one row per step that any chosen metric has, blank where
 * a metric was not measured (held-out loss every evalEvery steps). NaN and ±Infinity are written as `NaN`,
 * `Infinity`, `-Infinity`, which pandas, R and spreadsheets read back as such; numbers use the shortest form
 * that round-trips.
 */
import type { StoreContext } from './db';
import { getSeries } from './series-store';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function seriesCsv(ctx: StoreContext, runId: string, metrics?: readonly string[]): string {
  const series = getSeries(ctx, runId, metrics ? { metrics } : {});
  const rows = new Map<number, { wall: number; values: (number | undefined)[] }>();
  series.forEach((s, col) => {
    for (let i = 0; i < s.step.length; i++) {
      const step = s.step[i] as number;
      let row = rows.get(step);
      if (!row)
        rows.set(step, (row = { wall: s.wallMs[i] as number, values: new Array<number | undefined>(series.length) }));
      row.values[col] = s.value[i];
    }
  });
  const lines = [['step', 'wallMs', ...series.map((s) => s.metric)].map(csvField).join(',')];
  for (const step of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(step)!;
    const cells = [String(step), String(row.wall)];
    for (let c = 0; c < series.length; c++) cells.push(row.values[c] === undefined ? '' : String(row.values[c]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
