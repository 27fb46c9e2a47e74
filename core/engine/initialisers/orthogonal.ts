import type { InitialiserDef } from './types';

/**
 * gain·Q from the QR decomposition of a Gaussian matrix, with Q's columns sign-fixed by R's diagonal so the
 * distribution is uniform (Haar). Non-square blocks get orthonormal rows or columns, whichever fit.
 */
export const orthogonal: InitialiserDef = {
  name: 'orthogonal',
  fill(rows, cols, { rng, gain }) {
    // Orthonormalise the longer dimension's vectors: k vectors of length n.
    const transpose = rows < cols;
    const n = transpose ? cols : rows;
    const k = transpose ? rows : cols;
    const q: Float64Array[] = [];
    for (let j = 0; j < k; j++) {
      const v = Float64Array.from({ length: n }, () => rng.normal());
      // Modified Gram–Schmidt, twice for float64-level orthogonality.
      for (let pass = 0; pass < 2; pass++) {
        for (const u of q) {
          let d = 0;
          for (let i = 0; i < n; i++) d += u[i]! * v[i]!;
          for (let i = 0; i < n; i++) v[i]! -= d * u[i]!;
        }
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += v[i]! * v[i]!;
      norm = Math.sqrt(norm);
      // Gram–Schmidt's R diagonal is positive, which is already the Haar sign convention.
      for (let i = 0; i < n; i++) v[i]! /= norm;
      q.push(v);
    }
    const w = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) w[r * cols + c] = gain * (transpose ? q[r]![c]! : q[c]![r]!);
    }
    return w;
  },
};
