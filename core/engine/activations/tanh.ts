import { tf } from '../tf';
import type { ActivationDef } from './types';

// f' = 1 − y², from the output so the backward pass needs no recomputation.
export const tanh: ActivationDef = {
  name: 'tanh',
  derivativeReads: 'output',
  gamma: 1,
  fn: (a) => tf.tanh(a),
  derivative: (_a, y) => tf.sub(1, tf.square(y)),
  backward: (_a, y, dy) => tf.mul(dy, tf.sub(1, tf.square(y))),
};
