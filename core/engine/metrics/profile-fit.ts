/**
 * Fits of a stored gradient profile (||∂L/∂h_t|| for t = 1..T, index 0 is h_1): the per-step decay, the end
 * to end ratio and the two-sided horizon. Pure functions of numbers, beside the lab's own horizon
 * (./horizon.ts): the lessons judge by them and the sweep figure plots them, so both sit above this file.
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
