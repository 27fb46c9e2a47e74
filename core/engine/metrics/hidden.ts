/** ||∂L/∂h_t||_F per step: one download of all steps, norms finished in float64 (see ./norms). */
import { tf, type Tensor2D } from '../tf';
import { safeNorm } from './norms';

export function stepNorms(grads: Tensor2D[]): number[] {
  if (grads.length === 0) return [];
  const size = grads[0]!.size;
  const all = tf.concat(grads.map((g) => tf.reshape(g, [-1])));
  const data = all.dataSync();
  all.dispose();
  return grads.map((_g, t) => safeNorm(data, t * size, size));
}
