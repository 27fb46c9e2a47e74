/** M4 thinning: per column the first, lowest, highest and last points survive, in order; gaps and odd x are left alone. */
import { describe, expect, it } from 'vitest';
import { m4Indices } from '../../../core/shared/decimate';

describe('m4Indices', () => {
  it('keeps first, min, max and last of each column, in index order', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = [5, 9, 1, 4, 3, 7, 2, 8, 6, 0];
    // Columns of width 5: [0..4] and [5..9].
    expect(m4Indices(x, y, 5)).toEqual([0, 1, 2, 4, 5, 7, 9]);
  });

  it('keeps every extreme of a long series: min and max over all points are preserved', () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => Math.sin(i / 37) * Math.exp(-i / 40_000) + ((i * 7919) % 101) / 1000);
    const keep = m4Indices(x, y, n / 1000);
    expect(keep.length).toBeLessThanOrEqual(4000);
    const kept = keep.map((i) => y[i]!);
    expect(Math.max(...kept)).toBe(Math.max(...y));
    expect(Math.min(...kept)).toBe(Math.min(...y));
    expect(keep[0]).toBe(0);
    expect(keep.at(-1)).toBe(n - 1);
  });

  it('returns x that ever decreases unchanged', () => {
    const x = [0, 2, 1, 3, 4, 5];
    expect(m4Indices(x, [1, 2, 3, 4, 5, 6], 10)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
