import { describe, expect, it } from 'vitest';
import { symbolSpots } from '../../../core/shared/markers';

describe('symbolSpots: where a curve carries its marker (window and exported figure alike)', () => {
  it('places six evenly, shifted per series, always inside the curve', () => {
    expect(symbolSpots(1500, 0)).toEqual([0, 250, 500, 750, 1000, 1250]);
    const shifted = symbolSpots(1500, 1);
    expect(shifted).toHaveLength(6);
    expect(shifted[0]).toBeGreaterThan(0);
    for (let s = 0; s < 60; s++) for (const i of symbolSpots(7, s)) expect(i).toBeLessThan(7);
  });

  it('marks every point of a short curve and none of an empty one', () => {
    expect(symbolSpots(3, 0)).toEqual([0, 1, 2]);
    expect(symbolSpots(0, 4)).toEqual([]);
  });
});
