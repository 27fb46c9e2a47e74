import type { InitialiserDef } from './types';

export const xavierNormal: InitialiserDef = {
  name: 'xavier_normal',
  fill(rows, cols, { rng, gain }) {
    const s = gain * Math.sqrt(2 / (rows + cols));
    return Float64Array.from({ length: rows * cols }, () => rng.normal() * s);
  },
};
