import type { InitialiserDef } from './types';

export const normal: InitialiserDef = {
  name: 'normal',
  fill(rows, cols, { rng, gain, std }) {
    return Float64Array.from({ length: rows * cols }, () => rng.normal() * std * gain);
  },
};
