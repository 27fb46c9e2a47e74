/** Axis ranges and ticks for the Compare charts: decades on log axes, data rows merged on a shared x. */
import { formatTick, linearTickFormat, niceStep, niceTicks } from '../../../core/shared/ticks';
import type { PlotSeries } from './chart-model';

export interface YAxisSpec {
  domain: [number, number];
  ticks: number[];
  /** Labels with as many decimals as the tick step needs (a horizon of 8.9–9.1 must not read "9, 9, 9"). */
  format: (v: number) => string;
}

/** Plotted values of every curve and band that the axis must show. */
function values(series: readonly PlotSeries[], log: boolean): number[] {
  const out: number[] = [];
  const take = (v: number | undefined) => v !== undefined && Number.isFinite(v) && (!log || v > 0) && out.push(v);
  for (const s of series) {
    s.y.forEach(take);
    s.lo?.forEach(take);
    s.hi?.forEach(take);
  }
  return out;
}

export function yAxisSpec(series: readonly PlotSeries[], log: boolean): YAxisSpec {
  const v = values(series, log);
  if (!v.length)
    return log
      ? { domain: [1e-3, 1], ticks: [1e-3, 1e-2, 1e-1, 1], format: formatTick }
      : { domain: [0, 1], ticks: niceTicks(0, 1), format: formatTick };
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (!log) return linearAxis(min, max);
  let lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  if (hi === lo) hi = lo + 1;
  // Keep about six labelled decades however wide the range (vanishing gradients span 30+ decades).
  const stride = Math.max(1, Math.ceil((hi - lo) / 6));
  lo = Math.floor(lo / stride) * stride;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += stride) ticks.push(10 ** e);
  return { domain: [10 ** lo, 10 ** Math.max(hi, lo + stride)], ticks, format: formatDecade };
}

/** Decade labels: 0.001 … 1000 written out, then 1e4, 1e-5…: short, and one notation per range. */
function formatDecade(v: number): string {
  const e = Math.round(Math.log10(v));
  if (Math.abs(v - 10 ** e) > 1e-9 * 10 ** e) return formatTick(v);
  return e >= -3 && e <= 3 ? String(Number((10 ** e).toPrecision(1))) : `1e${e}`;
}

function linearAxis(min: number, max: number): YAxisSpec {
  // A flat curve (a horizon stuck at T − 1) differs only by rounding: give it a readable band around its value.
  if (max - min <= 1e-6 * Math.max(Math.abs(min), Math.abs(max))) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(min, max, 5);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = niceTicks(lo, hi, 5);
  return { domain: [lo, hi], ticks, format: linearTickFormat(ticks) };
}

export type Row = Record<string, number | [number, number] | null>;

/**
 * One row per distinct x with each curve's value under its key (null where it has none, so recharts bridges
 * with connectNulls) and its band under `${key}~band`. Non-positive values are dropped on a log axis.
 */
export function mergeRows(series: readonly PlotSeries[], log: boolean): Row[] {
  const rows = new Map<number, Row>();
  const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && (!log || v > 0);
  for (const s of series) {
    s.x.forEach((x, i) => {
      if (!Number.isFinite(x)) return;
      let row = rows.get(x);
      if (!row) rows.set(x, (row = { x }));
      const y = s.y[i];
      row[s.key] = ok(y) ? y : null;
      if (s.lo && s.hi) {
        const lo = s.lo[i];
        const hi = s.hi[i];
        if (ok(hi)) row[`${s.key}~band`] = [ok(lo) ? lo : hi / 1e3, hi];
      }
    });
  }
  return [...rows.values()].sort((a, b) => (a.x as number) - (b.x as number));
}

/** The x range of all curves. */
export function xExtent(series: readonly PlotSeries[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const x of s.x) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  return lo <= hi ? [lo, hi] : null;
}
