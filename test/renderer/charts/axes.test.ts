/** The charts' one axis module: decades on log axes, round linear steps, x from data and markers, merged rows. */
import { describe, expect, it } from 'vitest';
import { fixedYAxis, formatDecade, mergeRows, xAxis, yAxis } from '../../../renderer/src/charts/axes';
import type { PlotSeries } from '../../../renderer/src/charts/plot-series';

const s = (key: string, x: number[], y: number[], extra: Partial<PlotSeries> = {}): PlotSeries => ({
  key,
  label: key,
  style: { color: '#000000', dash: undefined },
  x,
  y,
  ...extra,
});

describe('yAxis', () => {
  it('spans whole decades on a log axis, ignoring values a log axis cannot show', () => {
    const ax = yAxis([s('a', [1, 2, 3, 4], [0.03, 0, -1, 4.2])], true);
    expect(ax.domain).toEqual([1e-2, 10]);
    expect(ax.ticks).toEqual([1e-2, 1e-1, 1, 10]);
    expect(ax.ticks.map(ax.format)).toEqual(['0.01', '0.1', '1', '10']);
  });

  it('labels about six decades however wide the range (vanishing gradients span 30)', () => {
    const ax = yAxis([s('a', [1, 2], [1e-30, 1])], true);
    expect(ax.ticks.length).toBeLessThanOrEqual(7);
    expect(ax.domain[0]).toBeLessThanOrEqual(1e-30);
    expect(ax.domain[1]).toBeGreaterThanOrEqual(1);
    expect(formatDecade(1e-30)).toBe('1e-30');
  });

  it('rounds a linear axis to nice steps and keeps the bands and extra levels in view', () => {
    const ax = yAxis([s('a', [1, 2], [0.32, 0.5], { lo: [0.3, 0.45], hi: [0.4, 0.71] })], false, [0.05]);
    expect(ax.domain[0]).toBeLessThanOrEqual(0.05);
    expect(ax.domain[1]).toBeGreaterThanOrEqual(0.71);
    expect(ax.ticks[0]).toBe(ax.domain[0]);
    expect(ax.ticks.at(-1)).toBe(ax.domain[1]);
  });

  it('leaves reference curves out of the range (a bound may leave the view)', () => {
    const ax = yAxis([s('a', [1, 2], [1, 2]), s('bound', [1, 2], [1e-9, 1e9], { reference: true })], true);
    expect(ax.domain).toEqual([1, 10]);
  });

  it('gives a flat curve a readable band around its value', () => {
    const ax = yAxis([s('a', [1, 2, 3], [9, 9, 9])], false);
    expect(ax.domain[0]).toBeLessThan(9);
    expect(ax.domain[1]).toBeGreaterThan(9);
    expect(new Set(ax.ticks.map(ax.format)).size).toBe(ax.ticks.length);
  });

  it('keeps a fixed domain as asked', () => {
    expect(fixedYAxis([0, 1], false).domain).toEqual([0, 1]);
    expect(fixedYAxis([1e-4, 1], true).ticks).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
});

describe('xAxis', () => {
  it('starts training steps at 0 and keeps a divergence marker in view', () => {
    const ax = xAxis([s('a', [1, 50, 100], [1, 1, 1])], [{ x: 140, label: 'diverged', color: '#D55E00' }]);
    expect(ax.domain).toEqual([0, 140]);
    expect(ax.ticks.every(Number.isInteger)).toBe(true);
  });

  it('does not force 0 when the data start far from it', () => {
    expect(xAxis([s('a', [500, 1000], [1, 1])]).domain).toEqual([500, 1000]);
  });
});

describe('mergeRows', () => {
  it('makes one row per distinct x with every curve under its key, nulls where it has none, bands under ~band', () => {
    const rows = mergeRows(
      [s('a', [0, 10], [1, 0.5]), s('b', [10, 20], [2, Number.NaN], { lo: [1, 1], hi: [3, 3] })],
      false,
    );
    expect(rows).toEqual([
      { x: 0, a: 1 },
      { x: 10, a: 0.5, b: 2, 'b~band': [1, 3] },
      { x: 20, b: null, 'b~band': [1, 3] },
    ]);
  });

  it('drops non-positive values on a log axis', () => {
    expect(mergeRows([s('a', [0, 1], [0, 1])], true)).toEqual([
      { x: 0, a: null },
      { x: 1, a: 1 },
    ]);
  });
});
