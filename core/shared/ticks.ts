/**
 * Tick rules for linear and log axes, the window's charts' one source. Linear steps are 1, 2 or 5 × 10ᵏ,
 * the rule d3-scale's ticks (and so the exported figures, core/figures/scales.ts) use; log axes span whole
 * decades and label powers of ten.
 */
import { formatNumber } from './format';

/** 10^k as the nearest double to the decimal 1ek (10 ** -4 is 0.00009999999999999999, Number('1e-4') is 0.0001). */
export const pow10 = (k: number): number => Number(`1e${k}`);

/** The step of about `count` round ticks over [lo, hi]: 1, 2 or 5 × 10ᵏ. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-12)) ?? raw;
}

/** About `count` round ticks within [lo, hi]; `integer` keeps steps ≥ 1 (training steps, time indices). */
export function niceTicks(lo: number, hi: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  if (!(hi > lo)) return [lo];
  let step = niceStep(lo, hi, count);
  if (integer) step = Math.max(1, Math.round(step));
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9) * step;
  for (let v = first; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The positive, finite range of some values, or null when there is none to draw on a log axis. */
export function positiveExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The finite range of some values ([v − 1, v + 1] for a single value), or null. */
export function linearExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) return null;
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

/** A log domain that starts and ends on a power of ten, so every tick is a round decade. */
export function decadeDomain(extent: [number, number]): [number, number] {
  const lo = Math.floor(Math.log10(extent[0]));
  let hi = Math.ceil(Math.log10(extent[1]));
  if (hi === lo) hi = lo + 1;
  return [pow10(lo), pow10(hi)];
}

/** Powers of ten across a decade domain; thinned to at most `max` ticks for very wide ranges. */
export function decadeTicks(domain: [number, number], max = 8): number[] {
  const lo = Math.round(Math.log10(domain[0]));
  const hi = Math.round(Math.log10(domain[1]));
  const step = [1, 2, 3, 5, 10, 20, 50, 100].find((s) => (hi - lo) / s <= max - 1) ?? Math.ceil((hi - lo) / (max - 1));
  const ticks: number[] = [];
  // Multiples of the step (10⁰, 10⁵, 10¹⁰), not lo + k·step (10⁻¹, 10⁴, 10⁹): round exponents read faster.
  for (let k = Math.ceil(lo / step) * step; k <= hi; k += step) ticks.push(pow10(k));
  return ticks;
}

/** Labels for linear ticks with as many decimals as the step needs (8.9–9.1 must not read "9, 9, 9"). */
export function linearTickFormat(ticks: readonly number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs((ticks[1] as number) - (ticks[0] as number)) : 0;
  const big = Math.max(...ticks.map(Math.abs), 0);
  if (!(step > 0) || big >= 1e6 || (big > 0 && big < 1e-3)) return (v) => formatNumber(v, 3);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return (v) => (Math.abs(v) < step / 1e6 ? '0' : v.toFixed(decimals).replace(/-/g, '\u2212'));
}

/** A tick label on its own: short, and decades in exponent form on log axes ("1e−5"). */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(3)).toString().replace(/-/g, '\u2212');
  const e = Math.round(Math.log10(a));
  if (Math.abs(a - 10 ** e) / 10 ** e < 1e-9) return `${v < 0 ? '−' : ''}1e${String(e).replace('-', '−')}`;
  return formatNumber(v, 2);
}
