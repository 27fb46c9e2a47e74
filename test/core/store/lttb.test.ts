import { describe, expect, it } from 'vitest';
import { lttb } from '../../../core/store';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('LTTB', () => {
  it('returns every index when there are no more points than asked', () => {
    expect(lttb([0, 1, 2], [5, 6, 7], 3)).toEqual([0, 1, 2]);
    expect(lttb([], [], 10)).toEqual([]);
  });

  it('keeps exactly maxPoints, the first and the last, in order', () => {
    const x = range(1000);
    const y = x.map((i) => Math.sin(i / 30));
    const kept = lttb(x, y, 100);
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(new Set(kept).size).toBe(100);
  });

  it('keeps the global extremes of a noisy series', () => {
    const x = range(5000);
    const y = x.map((i) => Math.sin(i * 12.9898) * 0.1);
    y[1234] = 10;
    y[3456] = -10;
    const kept = lttb(x, y, 50);
    expect(kept).toContain(1234);
    expect(kept).toContain(3456);
  });

  it('picks the point making the largest triangle in a bucket', () => {
    // 3 buckets of 2 between the ends: a flat line with one bump per bucket.
    const x = range(8);
    const y = [0, 0, 5, 0, 0, -3, 0, 0];
    // Bucket 2 holds two flat points: (3, 0) spans the larger triangle with (2, 5) and the next bucket's mean.
    expect(lttb(x, y, 5)).toEqual([0, 2, 3, 5, 7]);
  });

  it('keeps every NaN and ±Infinity, within the budget', () => {
    const x = range(1000);
    const y = x.map((i) => i / 1000);
    y[10] = Number.NaN;
    y[500] = Number.POSITIVE_INFINITY;
    y[999] = Number.NEGATIVE_INFINITY;
    const kept = lttb(x, y, 20);
    expect(kept.length).toBeLessThanOrEqual(20);
    expect(kept).toEqual(expect.arrayContaining([0, 10, 500, 999]));
  });

  it('with more non-finite points than room, keeps the ends and spreads the rest', () => {
    const x = range(100);
    const y = x.map((i) => (i % 2 ? Number.NaN : i));
    const kept = lttb(x, y, 10);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(99);
  });
});
