import type { InitialiserDef } from './types';

export const xavierUniform: InitialiserDef = {
  name: 'xavier_uniform',
  fill(rows, cols, { rng, gain }) {
    const a = gain * Math.sqrt(6 / (rows + cols));
    return Float64Array.from({ length: rows * cols }, () => (2 * rng.next() - 1) * a);
  },
};
