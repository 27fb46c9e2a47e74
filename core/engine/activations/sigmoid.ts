import { tf } from '../tf';
import type { ActivationDef } from './types';

// f' = y·(1 − y) ≤ 1/4: the classic reason sigmoid RNNs forget quickly.
export const sigmoid: ActivationDef = {
  name: 'sigmoid',
  derivativeReads: 'output',
  gamma: 0.25,
  fn: (a) => tf.sigmoid(a),
  derivative: (_a, y) => tf.mul(y, tf.sub(1, y)),
  backward: (_a, y, dy) => tf.mul(dy, tf.mul(y, tf.sub(1, y))),
};
