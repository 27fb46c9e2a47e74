import { describe, expect, it } from 'vitest';
import { decadeDomain, decadeTicks, formatNumber, formatPow10, niceTicks } from '../../../renderer/src/charts/scales';
import { decimate } from '../../../renderer/src/charts/downsample';

describe('axis helpers', () => {
  it('snaps log ranges to decades with ticks at round powers of ten', () => {
    expect(decadeDomain([0.013, 0.8])).toEqual([0.01, 1]);
    expect(decadeTicks([1e-4, 1e0])).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    // Wide ranges thin to multiples of a round step: 10⁰, 10¹⁰, … rather than 10⁻¹, 10⁹, …
    expect(decadeTicks([1e-1, 1e38]).map((t) => Math.round(Math.log10(t)))).toEqual([0, 10, 20, 30]);
    expect(decadeTicks([1e-6, 1e24]).map((t) => Math.round(Math.log10(t)))).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(formatPow10(1e-3)).toBe('10⁻³');
    expect(formatPow10(1)).toBe('10⁰');
  });

  it('picks round linear ticks, whole ones for steps', () => {
    expect(niceTicks(1, 300, 6)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(niceTicks(0, 1, 5, true)).toEqual([0, 1]);
  });

  it('formats numbers compactly and keeps non-finite values visible', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(1.23e-7)).toBe('1.23e-7');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('+∞');
  });
});

describe('decimate', () => {
  it('keeps every bucket’s extremes, so a single spike survives', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    const ys = xs.map((i) => (i === 4321 ? 1e6 : 1));
    const out = decimate(xs, ys, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.some((p) => p.x === 4321 && p.y === 1e6)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.x >= (out[i - 1]?.x ?? 0))).toBe(true);
  });

  it('drops values the axis cannot show', () => {
    expect(decimate([1, 2, 3], [1, Number.NaN, 0], 10, (y) => y > 0)).toEqual([{ x: 1, y: 1 }]);
  });
});
