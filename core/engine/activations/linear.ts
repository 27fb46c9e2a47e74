import { tf } from '../tf';
import type { ActivationDef } from './types';

export const linear: ActivationDef = {
  name: 'linear',
  derivativeReads: 'none',
  gamma: 1,
  // A copy keeps ownership simple: callers may dispose the input and the output independently.
  fn: (a) => tf.clone(a),
  derivative: (a) => tf.onesLike(a),
  backward: (_a, _y, dy) => dy,
};
