/**
 * The measurements the lessons judge by: pure functions of stored numbers (gradient profiles, predictions),
 * no engine and no store. A gradient profile lists ||∂L/∂h_t|| for t = 1..T (index 0 is h_1).
 */

// The profile fits live beside the engine's horizon, below both the figures and the lessons that use them.
export {
  FIT_FLOOR,
  logLinearFit,
  decayPerStep,
  gradientRatio,
  twoSidedHorizon,
  type LogLinearFit,
  type DecayFit,
} from '../engine/metrics/profile-fit';

/** Geometric mean of positive values (NaN if any is not positive or there are none). */
export function geometricMean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.log(values[i] as number);
  return Math.exp(s / values.length);
}

export function maxOf(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] as number);
  return m;
}

/** Mean squared error over the pairs; NaN/Infinity propagate (a broken prediction gives a broken error). */
export function meanSquaredError(outputs: ArrayLike<number>, targets: ArrayLike<number>): number {
  const n = Math.min(outputs.length, targets.length);
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((outputs[i] as number) - (targets[i] as number)) ** 2;
  return s / n;
}

/** Variance of the targets: the mean squared error of always predicting their mean. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i] as number;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((values[i] as number) - m) ** 2;
  return s / n;
}

export function countNonFinite(values: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) c++;
  return c;
}

// Formatting for headlines ---------------------------------------------------------------------------------

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** An integer as a superscript: supText(49) = "⁴⁹". */
export function supText(n: number): string {
  return String(Math.round(n)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c] ?? c);
}

/** 10 to an integer power in plain Unicode: pow10Text(38) = "10³⁸", pow10Text(-5) = "10⁻⁵". */
export function pow10Text(exponent: number): string {
  return `10${supText(exponent)}`;
}

/** A number for a sentence: 3 significant digits, m×10ᵏ beyond [1e-3, 1e5), "NaN"/"∞" for the others. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(digits)));
  const e = Math.floor(Math.log10(a));
  const m = Number((v / 10 ** e).toPrecision(Math.max(1, digits - 1)));
  return m === 1 ? pow10Text(e) : m === -1 ? `−${pow10Text(e)}` : `${m}×${pow10Text(e)}`;
}
