/**
 * Axis scales and their ticks. Log axes span whole decades and label powers of ten, so a gradient norm of
 * 1e-30 and one of 1e30 land on the same readable axis; values a log axis cannot show (≤ 0, NaN, ±Inf)
 * are the caller's gaps, never coordinates.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

/** A tick label: plain text, or `base` with a superscript exponent (10⁻³ drawn as "10" + raised "−3"). */
export interface TickLabel {
  text: string;
  sup?: string;
}

export interface Tick {
  value: number;
  label: TickLabel | null;
}

export interface AxisScale {
  log: boolean;
  domain: [number, number];
  scale: ScaleContinuousNumeric<number, number>;
  ticks: Tick[];
  /** Maps a data value to a coordinate, or null where this axis cannot place it (gap). */
  map(v: number): number | null;
}

const MINUS = '\u2212';

/** Numbers use U+2212 for negatives, as typeset mathematics does. */
export function minus(s: string): string {
  return s.replace(/-/g, MINUS);
}

export function isPlottable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

/** Finite (and for log, positive) min and max of the values, or null when there are none. */
export function extent(values: Iterable<number>, log: boolean): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!isPlottable(v, log)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

export interface ScaleRequest {
  log: boolean;
  /** Data extent (already filtered), or null when there is no data. */
  extent: [number, number] | null;
  /** User-fixed bounds; a non-positive bound is ignored on a log axis. */
  min?: number | undefined;
  max?: number | undefined;
  /** Screen range [start, end] (for y: [bottom, top]). */
  range: [number, number];
  /** Upper bound on labelled ticks, from the space available. */
  maxTicks: number;
  /** Only integer ticks (steps, time indices). */
  integer?: boolean;
}

export function buildScale(req: ScaleRequest): AxisScale {
  return req.log ? buildLog(req) : buildLinear(req);
}

function buildLinear(req: ScaleRequest): AxisScale {
  let [lo, hi] = req.extent ?? [0, 1];
  if (req.min !== undefined && Number.isFinite(req.min)) lo = req.min;
  if (req.max !== undefined && Number.isFinite(req.max)) hi = req.max;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const count = Math.max(2, Math.min(10, Math.floor(req.maxTicks)));
  const scale = scaleLinear().domain([lo, hi]).range(req.range);
  // Fixed bounds are the user's choice; fitted ones are rounded outwards to tick values.
  if (req.min === undefined && req.max === undefined) scale.nice(count);
  const [d0, d1] = scale.domain() as [number, number];
  // d3's count is a hint that it may exceed by half: ask for fewer until the labels fit the space.
  let c = count;
  let values = scale.ticks(c);
  while (values.length > Math.max(2, req.maxTicks) && c > 2) values = scale.ticks(--c);
  if (req.integer) values = values.filter((v) => Number.isInteger(v));
  const maxAbs = Math.max(Math.abs(d0), Math.abs(d1));
  let label: (v: number) => TickLabel;
  if ((req.integer && maxAbs >= 1e4 && maxAbs < 1e15) || (!req.integer && maxAbs >= 1e4 && maxAbs < 1e6)) {
    // Steps in the tens of thousands read better as 20k than 20,000 in a 3.5 in column.
    const fmt = scale.tickFormat(c, '~s');
    label = (v) => ({ text: minus(fmt(v).replace('\u2212', '-')) });
  } else if (maxAbs >= 1e4 || (maxAbs > 0 && maxAbs < 1e-2)) {
    // Very large or small values: m×10ᵏ with a real superscript (SI prefixes beyond T/µ mean nothing here).
    // Enough mantissa digits to resolve the tick spacing at each value's own exponent.
    const stepExp = Math.floor(Math.log10(Math.abs((values[1] ?? 1) - (values[0] ?? 0)) || maxAbs));
    label = (v) => sciLabel(v, v === 0 ? 0 : Math.max(0, Math.min(6, Math.floor(Math.log10(Math.abs(v))) - stepExp)));
  } else {
    // Fixed decimals from the tick spacing (0.00, 0.05, 0.10), without thousands commas.
    const fmt = scale.tickFormat(c, 'f');
    label = (v) => ({ text: minus(fmt(v).replace('\u2212', '-')) });
  }
  const ticks = values.map((v) => ({ value: v, label: label(v) }));
  return {
    log: false,
    domain: [d0, d1],
    scale,
    ticks,
    map: (v) => (Number.isFinite(v) ? scale(v) : null),
  };
}

/** v as mantissa×10^exponent; zero stays "0". */
function sciLabel(v: number, digits: number): TickLabel {
  if (v === 0) return { text: '0' };
  const [m, e] = v.toExponential(digits).split('e');
  const mantissa = String(Number(m));
  return { text: minus(`${mantissa}×10`), sup: minus(String(Number(e))) };
}

function decadeLabel(exp: number): TickLabel {
  return { text: '10', sup: minus(String(exp)) };
}

function buildLog(req: ScaleRequest): AxisScale {
  const userLo = req.min !== undefined && req.min > 0 && Number.isFinite(req.min) ? req.min : undefined;
  const userHi = req.max !== undefined && req.max > 0 && Number.isFinite(req.max) ? req.max : undefined;
  const [ext0, ext1] = req.extent ?? [1e-3, 1];
  // Whole decades: the axis starts and ends on a labelled power of ten.
  let lo = userLo ?? 10 ** Math.floor(Math.log10(ext0));
  let hi = userHi ?? 10 ** Math.ceil(Math.log10(ext1));
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    lo /= 10;
    hi *= 10;
  }
  // Subnormal doubles (< 1e-308) lose precision in 10 ** e; the axis stops at the smallest normal decade.
  lo = Math.max(lo, 1e-307);
  hi = Math.min(hi, 1e307);
  const scale = scaleLog().domain([lo, hi]).range(req.range);
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const decades = e1 - e0;
  const ticks: Tick[] = [];
  if (decades >= 1) {
    const maxTicks = Math.max(2, Math.floor(req.maxTicks));
    // Label every k-th decade, k from 1, 2, 5, 10, 20, 50, ...; the rest get minor ticks when they fit.
    const candidates = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200];
    // Unlabelled decades get minor ticks only while they stay apart (3 pt); closer, they print as a solid bar.
    const decadePx = Math.abs((req.range[1] - req.range[0]) / decades);
    const k = candidates.find((c) => Math.floor(decades / c) + 1 <= maxTicks) ?? Math.ceil(decades / (maxTicks - 1));
    for (let e = e0; e <= e1; e++) {
      const labelled = e % k === 0;
      if (labelled || decadePx >= 3) ticks.push({ value: 10 ** e, label: labelled ? decadeLabel(e) : null });
    }
    if (k === 1 && decades <= 6) {
      for (let e = e0 - 1; e <= e1; e++) {
        for (let m = 2; m <= 9; m++) {
          const v = m * 10 ** e;
          if (v > lo * (1 + 1e-9) && v < hi * (1 - 1e-9)) ticks.push({ value: v, label: null });
        }
      }
    }
  } else {
    // Less than a decade between fixed bounds: mantissa ticks, plainly formatted.
    const fmt = scale.tickFormat(Math.max(2, req.maxTicks), '~g');
    for (const v of scale.ticks(Math.max(2, req.maxTicks))) ticks.push({ value: v, label: { text: minus(fmt(v)) } });
  }
  ticks.sort((a, b) => a.value - b.value);
  return {
    log: true,
    domain: [lo, hi],
    scale,
    ticks,
    map: (v) => (Number.isFinite(v) && v > 0 ? scale(v) : null),
  };
}

/** Text of a tick label without markup (for width estimates and CSV). */
export function tickLabelText(l: TickLabel): string {
  return l.text + (l.sup ?? '');
}
