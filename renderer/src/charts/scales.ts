/** Axis helpers: log ranges snapped to decades with ticks at powers of ten, and compact number labels. */

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10⁻³ style label for a power of ten; other values in compact form. */
export function formatPow10(v: number): string {
  if (!(v > 0)) return String(v);
  const k = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** k - 1) > 1e-9) return formatNumber(v);
  return `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

// One formatter for all labels: toLocaleString builds a new one per call, which shows up in profiles.
const GROUPED = new Intl.NumberFormat('en-US');

/** Short, readable numbers for labels and read-outs: 0.0123, 1.23e-7, 12 345. */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace('e+', 'e');
  if (Number.isInteger(v)) return GROUPED.format(v);
  return Number(v.toPrecision(digits)).toString();
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

/** 10^k as the nearest double to the decimal 1ek (10 ** -4 is 0.00009999999999999999, Number('1e-4') is 0.0001). */
export const pow10 = (k: number): number => Number(`1e${k}`);

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

/** A linear domain with a little air, from the finite values. */
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

/** About `count` round ticks within [lo, hi] (steps of 1, 2 or 5 × 10^k); `integer` keeps steps ≥ 1. */
export function niceTicks(lo: number, hi: number, count = 5, integer = false): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  if (integer) step = Math.max(1, Math.round(step));
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9) * step;
  for (let v = first; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
