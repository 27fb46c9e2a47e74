import { tf } from '../tf';
import type { ActivationDef } from './types';

export const LEAKY_SLOPE = 0.01;

export const leakyRelu: ActivationDef = {
  name: 'leaky_relu',
  derivativeReads: 'input',
  gamma: 1,
  fn: (a) => tf.leakyRelu(a, LEAKY_SLOPE),
  derivative: (a) => tf.step(a, LEAKY_SLOPE),
  backward: (a, _y, dy) => tf.mul(dy, tf.step(a, LEAKY_SLOPE)),
};
