/**
 * Gradient clipping. `norm` rescales all gradients together when their global L2 norm exceeds the threshold
 * (direction kept); `value` clamps every entry to [−c, c]. The pre-clip norm is computed by the caller
 * from the float64 summary (./gradients gradientSummary), so clipping decisions never suffer float32 overflow.
 */
import type { ClipMode } from '../api/spec';
import { tf, type Tensor } from './tf';

export interface ClipDecision {
  grads: Tensor[];
  clipped: boolean;
}

/** globalNorm: pre-clip L2 norm of all gradients; maxAbs: largest |entry| over all of them. */
export function clipGradients(
  grads: Tensor[],
  mode: ClipMode,
  threshold: number,
  globalNorm: number,
  maxAbs: number,
): ClipDecision {
  if (mode === 'norm' && globalNorm > threshold) {
    const scale = threshold / globalNorm;
    return { grads: grads.map((g) => tf.mul(g, scale)), clipped: true };
  }
  if (mode === 'value' && maxAbs > threshold) {
    return { grads: grads.map((g) => tf.clipByValue(g, -threshold, threshold)), clipped: true };
  }
  return { grads, clipped: false };
}
