/**
 * The one axis module of the window's charts: y ranges in decades on a log axis (about six labelled ones,
 * however wide the range) or round steps on a linear one, x from the data and the markers, and the rows
 * recharts draws from (one per distinct x, every curve's value under its key).
 */
import { formatTick, linearTickFormat, niceStep, niceTicks, pow10 } from '../../../core/shared/ticks';
import { plottable, type PlotSeries, type XMarker } from './plot-series';

export interface AxisSpec {
  domain: [number, number];
  ticks: number[];
  /** Labels with as many decimals as the tick step needs (a horizon of 8.9–9.1 must not read "9, 9, 9"). */
  format: (v: number) => string;
}

/** Decade labels: 0.001 … 1000 written out, then 1e4, 1e-5…: short, and one notation per range. */
export function formatDecade(v: number): string {
  const e = Math.round(Math.log10(v));
  if (Math.abs(v - pow10(e)) > 1e-9 * pow10(e)) return formatTick(v);
  return e >= -3 && e <= 3 ? String(pow10(e)) : `1e${e}`;
}

function logAxis(min: number, max: number): AxisSpec {
  let lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  if (hi === lo) hi = lo + 1;
  // Keep about six labelled decades however wide the range (vanishing gradients span 30+ decades).
  const stride = Math.max(1, Math.ceil((hi - lo) / 6));
  lo = Math.floor(lo / stride) * stride;
  const ticks: number[] = [];
  // pow10, not 10 ** e: 10 ** -4 is 0.00009999…, a tick just outside a domain that starts at 1e-4.
  for (let e = lo; e <= hi; e += stride) ticks.push(pow10(e));
  return { domain: [pow10(lo), pow10(Math.max(hi, lo + stride))], ticks, format: formatDecade };
}

function linearAxis(min: number, max: number): AxisSpec {
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

/** An axis over a fixed domain (accuracy's 0–1, a profile's decades). */
export function fixedYAxis(domain: [number, number], log: boolean): AxisSpec {
  if (log) {
    const ax = logAxis(domain[0], domain[1]);
    return { ...ax, domain };
  }
  const ticks = niceTicks(domain[0], domain[1], 5);
  return { domain, ticks, format: linearTickFormat(ticks) };
}

/**
 * The y axis of every curve and band the chart draws (reference curves excepted: a bound may leave the view)
 * and of `extra` levels that must stay in view (a clip threshold, a baseline).
 */
export function yAxis(series: readonly PlotSeries[], log: boolean, extra: readonly number[] = []): AxisSpec {
  let min = Infinity;
  let max = -Infinity;
  const take = (v: number | undefined) => {
    if (!plottable(v, log)) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  extra.forEach(take);
  for (const s of series) {
    if (s.reference) continue;
    s.y.forEach(take);
    s.lo?.forEach(take);
    s.hi?.forEach(take);
  }
  if (!(min <= max))
    return log
      ? { domain: [1e-3, 1], ticks: [1e-3, 1e-2, 1e-1, 1], format: formatTick }
      : { domain: [0, 1], ticks: niceTicks(0, 1), format: formatTick };
  return log ? logAxis(min, max) : linearAxis(min, max);
}

/** The x axis of the curves and markers (a divergence sits where the values are gone: keep it in view). */
export function xAxis(series: readonly PlotSeries[], markers: readonly XMarker[] = []): AxisSpec {
  let lo = Infinity;
  let hi = -Infinity;
  let integer = true;
  const see = (x: number) => {
    if (!Number.isFinite(x)) return;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    if (!Number.isInteger(x)) integer = false;
  };
  for (const s of series) s.x.forEach(see);
  for (const m of markers) see(m.x);
  if (!(lo <= hi)) return { domain: [0, 1], ticks: niceTicks(0, 1), format: formatTick };
  if (lo === hi) hi = lo + 1;
  // Training steps start at 1: an axis from 0 reads better than one from 1.
  if (lo > 0 && lo <= (hi - lo) * 0.05) lo = 0;
  // Round ticks (0, 100, 200…); steps and time steps are whole: no 0.5 ticks when only a few points are in.
  return { domain: [lo, hi], ticks: niceTicks(lo, hi, 6, integer), format: formatTick };
}

export type Row = Record<string, number | [number, number] | null>;

/**
 * One row per distinct x with each curve's value under its key (null where it has none, so recharts bridges
 * with connectNulls) and its band under `${key}~band`. Values the axis cannot show are dropped.
 */
export function mergeRows(series: readonly PlotSeries[], log: boolean): Row[] {
  const rows = new Map<number, Row>();
  for (const s of series) {
    if (s.kind === 'points') continue;
    s.x.forEach((x, i) => {
      if (!Number.isFinite(x)) return;
      let row = rows.get(x);
      if (!row) rows.set(x, (row = { x }));
      const y = s.y[i];
      row[s.key] = plottable(y, log) ? y : null;
      if (s.lo && s.hi) {
        const lo = s.lo[i];
        const hi = s.hi[i];
        if (plottable(hi, log)) row[`${s.key}~band`] = [plottable(lo, log) ? lo : hi / 1e3, hi];
      }
    });
  }
  return [...rows.values()].sort((a, b) => (a.x as number) - (b.x as number));
}
