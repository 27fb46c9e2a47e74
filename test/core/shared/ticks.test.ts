import { describe, expect, it } from 'vitest';
import { decadeDomain, decadeTicks, formatTick, linearTickFormat, niceTicks } from '../../../core/shared/ticks';
import { formatDuration, formatMetric, formatNumber, formatPow10, nonFiniteText } from '../../../core/shared/format';

describe('axis helpers', () => {
  it('snaps log ranges to decades with ticks at round powers of ten', () => {
    expect(decadeDomain([0.013, 0.8])).toEqual([0.01, 1]);
    expect(decadeTicks([1e-4, 1])).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    // Wide ranges thin to multiples of a round step: 10⁰, 10¹⁰, … rather than 10⁻¹, 10⁹, …
    expect(decadeTicks([1e-1, 1e38]).map((t) => Math.round(Math.log10(t)))).toEqual([0, 10, 20, 30]);
    expect(decadeTicks([1e-6, 1e24]).map((t) => Math.round(Math.log10(t)))).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(formatPow10(1e-3)).toBe('10⁻³');
    expect(formatPow10(1)).toBe('10⁰');
  });

  it('picks round linear ticks, whole ones for steps', () => {
    expect(niceTicks(1, 300, 6)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(niceTicks(0, 1, 5, true)).toEqual([0, 1]);
    // Steps of 1, 2 or 5 × 10ᵏ only (d3-scale's rule, which the exported figures use).
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(8.9, 9.1, 5)).toEqual([8.9, 8.95, 9, 9.05, 9.1]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it('labels linear ticks with the decimals their step needs', () => {
    const ticks = niceTicks(8.9, 9.1, 5);
    expect(ticks.map(linearTickFormat(ticks))).toEqual(['8.90', '8.95', '9.00', '9.05', '9.10']);
    expect(formatTick(1e-5)).toBe('1e−5');
    expect(formatTick(0.25)).toBe('0.25');
  });

  it('formats numbers compactly and keeps non-finite values visible', () => {
    expect(formatNumber(12345)).toBe('12345');
    expect(formatNumber(1.23e-7, 3)).toBe('1.23e−7');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(1 / 6)).toBe('0.1667');
  });

  it('renders NaN and ±∞ one way everywhere: figures, tables, axes', () => {
    for (const f of [formatNumber, formatMetric, formatTick, formatPow10]) {
      expect(f(Number.NaN)).toBe('NaN');
      expect(f(Number.POSITIVE_INFINITY)).toBe('∞');
      expect(f(Number.NEGATIVE_INFINITY)).toBe('−∞');
    }
    expect(nonFiniteText(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(formatMetric(undefined)).toBe('—');
  });

  it('writes durations in milliseconds as seconds, minutes and hours', () => {
    expect(formatDuration(9_140)).toBe('9.1 s');
    expect(formatDuration(247_000)).toBe('4 min 7 s');
    expect(formatDuration(3_909_000)).toBe('1 h 5 min');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(9_140, 'zh-CN')).toBe('9.1 秒');
    expect(formatDuration(247_000, 'zh-CN')).toBe('4 分 7 秒');
    expect(formatDuration(3_909_000, 'zh-CN')).toBe('1 小时 5 分');
  });
});
