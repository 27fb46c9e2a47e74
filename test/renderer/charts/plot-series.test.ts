/** What a chart draws of a curve: plottable points only, and M4-thinned once only when unbounded. */
import { describe, expect, it } from 'vitest';
import { forScreen, SCREEN_COLUMNS, type PlotSeries } from '../../../renderer/src/charts/plot-series';

const curve = (n: number, y: (i: number) => number, band = false): PlotSeries => {
  const x = Array.from({ length: n }, (_, i) => i + 1);
  const ys = x.map((_, i) => y(i));
  return {
    key: 'c',
    label: 'c',
    style: { color: '#000000', dash: undefined },
    x,
    y: ys,
    ...(band ? { lo: ys.map((v) => v - 1), hi: ys.map((v, i) => (i === 777 ? v + 1000 : v + 1)) } : {}),
  };
};

describe('forScreen', () => {
  it('draws a series the store already bounded as it is (downsampling happens once)', () => {
    const s = curve(1500, (i) => Math.sin(i));
    expect(forScreen(s, false)).toBe(s);
  });

  it('bounds a live run streaming raw steps, keeping every spike and both ends', () => {
    const n = 200_000;
    const s = forScreen(
      curve(n, (i) => (i === 123_456 ? 1e6 : 1 + Math.sin(i / 50))),
      false,
    );
    expect(s.x.length).toBeLessThanOrEqual(4 * (SCREEN_COLUMNS + 1));
    expect(s.x.length).toBeGreaterThan(SCREEN_COLUMNS);
    expect(Math.max(...s.y)).toBe(1e6);
    expect(s.x[0]).toBe(1);
    expect(s.x.at(-1)).toBe(n);
    expect(s.x.every((x, i) => i === 0 || x > (s.x[i - 1] as number))).toBe(true);
  });

  it('thins the band with the curve, keeping the band’s own extremes', () => {
    const s = forScreen(
      curve(10_000, (i) => 5 + Math.cos(i / 10), true),
      false,
    );
    expect(s.lo?.length).toBe(s.x.length);
    expect(s.hi?.length).toBe(s.x.length);
    expect(Math.max(...(s.hi ?? []))).toBeGreaterThan(1000);
  });

  it('leaves out what the axis cannot show: non-finite values, and non-positive ones on a log axis', () => {
    const s = forScreen(
      curve(6, (i) => [1, Number.NaN, 0, -2, Infinity, 3][i] as number),
      true,
    );
    expect(s.x).toEqual([1, 6]);
    expect(s.y).toEqual([1, 3]);
  });
});
