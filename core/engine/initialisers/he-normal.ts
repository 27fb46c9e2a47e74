import type { InitialiserDef } from './types';

// fan-in is the number of rows: x·W sums over them.
export const heNormal: InitialiserDef = {
  name: 'he_normal',
  fill(rows, cols, { rng, gain }) {
    const s = gain * Math.sqrt(2 / rows);
    return Float64Array.from({ length: rows * cols }, () => rng.normal() * s);
  },
};
