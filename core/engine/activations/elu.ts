import { tf } from '../tf';
import type { ActivationDef } from './types';

// alpha = 1. For a ≤ 0, y = e^a − 1 so f' = y + 1; for a > 0, f' = 1. Both are min(y, 0) + 1.
export const elu: ActivationDef = {
  name: 'elu',
  derivativeReads: 'output',
  gamma: 1,
  fn: (a) => tf.elu(a),
  derivative: (_a, y) => tf.add(tf.minimum(y, 0), 1),
  backward: (_a, y, dy) => tf.mul(dy, tf.add(tf.minimum(y, 0), 1)),
};
