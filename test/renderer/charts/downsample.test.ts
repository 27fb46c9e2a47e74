import { describe, expect, it } from 'vitest';
import { decimate } from '../../../renderer/src/charts/downsample';

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
