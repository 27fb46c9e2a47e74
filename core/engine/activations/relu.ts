import { tf } from '../tf';
import type { ActivationDef } from './types';

// f'(0) is taken as 0 (tf.step's convention: 1 for x > 0, else alpha); the reference uses the same.
export const relu: ActivationDef = {
  name: 'relu',
  derivativeReads: 'input',
  gamma: 1,
  fn: (a) => tf.relu(a),
  derivative: (a) => tf.step(a, 0),
  backward: (a, _y, dy) => tf.mul(dy, tf.step(a, 0)),
};
