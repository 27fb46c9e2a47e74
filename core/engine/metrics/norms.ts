/**
 * Norms that survive vanishing gradients: values are read to the host and summed in float64 after scaling by
 * the largest magnitude, so a gradient of 1e-30 gives 1e-30, not the 0 that squaring in float32 gives.
 */

/**
 * ||v[offset .. offset+length)||_2 with max-scaling, and the largest |entry| it scaled by. NaN anywhere gives
 * NaN for both; ±Infinity gives Infinity for both.
 */
export function scaledNorm(
  v: ArrayLike<number>,
  offset = 0,
  length = v.length - offset,
): { max: number; norm: number } {
  let m = 0;
  for (let i = offset; i < offset + length; i++) {
    const a = Math.abs(v[i]!);
    if (a > m || Number.isNaN(a)) m = a;
    if (Number.isNaN(m)) return { max: Number.NaN, norm: Number.NaN };
  }
  if (m === 0 || !Number.isFinite(m)) return { max: m, norm: m };
  let s = 0;
  for (let i = offset; i < offset + length; i++) {
    const r = v[i]! / m;
    s += r * r;
  }
  return { max: m, norm: m * Math.sqrt(s) };
}

/** ||v[offset .. offset+length)||_2 with max-scaling. NaN or ±Infinity anywhere gives a non-finite norm. */
export function safeNorm(v: ArrayLike<number>, offset = 0, length = v.length - offset): number {
  return scaledNorm(v, offset, length).norm;
}

/** √(Σ nᵢ²) of norms, scaled the same way. */
export function combineNorms(norms: ArrayLike<number>): number {
  return safeNorm(norms);
}

/** A norm from the device's (max |g|, Σ (g / max)²) pair: see gradients' per-tensor summary. */
export function normFromScaled(max: number, scaledSumSq: number): number {
  if (max === 0) return 0;
  return max * Math.sqrt(scaledSumSq);
}
