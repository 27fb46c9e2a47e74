/** The lessons' measurements against closed forms. */
import { describe, expect, it } from 'vitest';
import {
  countNonFinite,
  decayPerStep,
  fmt,
  geometricMean,
  gradientRatio,
  logLinearFit,
  meanSquaredError,
  pow10Text,
  twoSidedHorizon,
  variance,
} from '../../../core/lessons/fit';

/** ‖∂L/∂h_t‖ = c·r^(T−t) for t = 1..T: the gradient shrinks (r < 1) or grows (r > 1) by r per step back. */
const geometric = (T: number, r: number, c = 1) => Array.from({ length: T }, (_, i) => c * r ** (T - 1 - i));

describe('fit', () => {
  it('fits ln v = a + b·t exactly on a geometric sequence', () => {
    const f = logLinearFit(Array.from({ length: 20 }, (_, i) => 3 * Math.exp(0.25 * (i + 1))));
    expect(f.slope).toBeCloseTo(0.25, 12);
    expect(f.intercept).toBeCloseTo(Math.log(3), 10);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.points).toBe(20);
  });

  it('reads the per-step factor back in time: r < 1 vanishes, r > 1 explodes', () => {
    expect(decayPerStep(geometric(100, 0.9)).rate).toBeCloseTo(0.9, 10);
    expect(decayPerStep(geometric(50, 1.2, 1e-3)).rate).toBeCloseTo(1.2, 10);
    expect(decayPerStep(geometric(30, 1)).rate).toBeCloseTo(1, 12);
  });

  it('leaves out norms that underflowed (0, denormal) or broke (NaN, ∞)', () => {
    const h = geometric(100, 0.2); // 0.2^99 ≈ 6e-70: far below float32
    const f32 = Array.from(new Float32Array(h));
    f32[50] = NaN;
    const fit = decayPerStep(f32);
    expect(fit.rate).toBeCloseTo(0.2, 5);
    expect(fit.points).toBeLessThan(60);
    expect(fit.points).toBeGreaterThan(40);
    expect(decayPerStep([0, 0, 1]).rate).toBeNaN();
  });

  it('measures the gradient ratio and the geometric mean', () => {
    expect(gradientRatio(geometric(11, 0.5))).toBeCloseTo(0.5 ** 10, 15);
    expect(gradientRatio([1, 0])).toBeNaN();
    expect(geometricMean([1, 4, 16])).toBeCloseTo(4, 12);
    expect(geometricMean([])).toBeNaN();
  });

  it('two-sided horizon: stops where the gradient has vanished below 10⁻³ or exploded above 10³', () => {
    // 0.5^k ≥ 1e-3 for k ≤ 9; 2^k ≤ 1e3 for k ≤ 9.
    expect(twoSidedHorizon(geometric(100, 0.5))).toBe(9);
    expect(twoSidedHorizon(geometric(100, 2))).toBe(9);
    expect(twoSidedHorizon(geometric(100, 1))).toBe(99);
    expect(twoSidedHorizon(geometric(40, 0.99))).toBe(39);
    expect(twoSidedHorizon([1, NaN, 1])).toBe(0);
    expect(twoSidedHorizon([1, 1, 0])).toBe(0);
  });

  it('scores predictions: MSE, variance, non-finite outputs', () => {
    expect(meanSquaredError([1, 2, 3], [1, 1, 1])).toBeCloseTo(5 / 3, 12);
    expect(meanSquaredError([NaN, 1], [1, 1])).toBeNaN();
    expect(variance([0, 2])).toBe(1);
    expect(countNonFinite([1, NaN, Infinity, -Infinity, 0])).toBe(3);
  });

  it('writes numbers for headlines', () => {
    expect(pow10Text(38)).toBe('10³⁸');
    expect(pow10Text(-5)).toBe('10⁻⁵');
    expect(fmt(0.90812)).toBe('0.908');
    expect(fmt(1.3e10)).toBe('1.3×10¹⁰');
    expect(fmt(1e-9)).toBe('10⁻⁹');
    expect(fmt(NaN)).toBe('NaN');
    expect(fmt(Infinity)).toBe('∞');
  });
});
