/**
 * The measurements the lessons judge by: pure functions of stored numbers (gradient profiles, predictions),
 * no engine and no store. A gradient profile lists ||∂L/∂h_t|| for t = 1..T (index 0 is h_1).
 */

/** Below this a float32 norm has lost precision (denormals start at 1.2e-38): such points are left out of fits. */
export const FIT_FLOOR = 1e-35;

export interface LogLinearFit {
  /** d ln v / dt: the least-squares slope of ln v against t. */
  slope: number;
  intercept: number;
  /** Coefficient of determination of the fit in log space (1 = exactly geometric). */
  r2: number;
  /** Points used (finite, positive, at least FIT_FLOOR). */
  points: number;
}

/** Least-squares line through (t, ln v_t) for t = 1..n, over the representable values only. */
export function logLinearFit(values: ArrayLike<number>, floor = FIT_FLOOR): LogLinearFit {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && v >= floor) {
      xs.push(i + 1);
      ys.push(Math.log(v));
    }
  }
  const n = xs.length;
  if (n < 2) return { slope: NaN, intercept: NaN, r2: NaN, points: n };
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), points: n };
}

export interface DecayFit {
  /**
   * The factor by which ||∂L/∂h_t|| changes per step back in time, exp(−slope): below 1 the gradient vanishes
   * geometrically, above 1 it explodes. Over k steps it changes by rate^k.
   */
  rate: number;
  r2: number;
  points: number;
}

/** Fitted per-step factor of a gradient profile, read backwards from the loss step T. */
export function decayPerStep(hNorms: ArrayLike<number>): DecayFit {
  const f = logLinearFit(hNorms);
  return { rate: Math.exp(-f.slope), r2: f.r2, points: f.points };
}

/** ||∂L/∂h_1|| / ||∂L/∂h_T||: < 1 vanishing, > 1 exploding. NaN when the last norm is not positive. */
export function gradientRatio(hNorms: ArrayLike<number>): number {
  const first = hNorms[0] as number;
  const last = hNorms[hNorms.length - 1] as number;
  return last > 0 ? first / last : NaN;
}

/**
 * The two-sided horizon: the largest k such that every ||∂L/∂h_{T−j}||, j ≤ k, stays within a factor
 * 1/ratio of ||∂L/∂h_T|| either way. The lab's horizon only asks the gradient not to vanish (≥ ratio·last);
 * this one also stops where it has exploded, for an exploded gradient carries no more usable signal.
 */
export function twoSidedHorizon(hNorms: ArrayLike<number>, ratio = 1e-3): number {
  const T = hNorms.length;
  const last = hNorms[T - 1] as number;
  if (!(T > 0) || !(last > 0) || !Number.isFinite(last)) return 0;
  let k = 0;
  for (let j = 1; j < T; j++) {
    const r = (hNorms[T - 1 - j] as number) / last;
    if (!(r >= ratio && r <= 1 / ratio)) break;
    k = j;
  }
  return k;
}

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

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

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
