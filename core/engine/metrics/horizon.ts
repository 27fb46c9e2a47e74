/**
 * The gradient horizon: the largest distance k from the loss step T with ||∂L/∂h_{T−k}|| ≥ ratio·||∂L/∂h_T||.
 * Not required to be contiguous: a late bump still counts, as the definition reads.
 */
export const HORIZON_RATIO = 1e-3;

export function gradientHorizon(hNorms: ArrayLike<number>, ratio = HORIZON_RATIO): number {
  const T = hNorms.length;
  if (T === 0) return 0;
  const last = hNorms[T - 1]!;
  if (!(last > 0)) return 0;
  for (let k = T - 1; k >= 0; k--) if (hNorms[T - 1 - k]! >= ratio * last) return k;
  return 0;
}
