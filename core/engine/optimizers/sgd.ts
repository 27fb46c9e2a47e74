import { tf } from '../tf';
import type { OptimizerDef } from './types';

export const sgd: OptimizerDef = {
  name: 'sgd',
  slots: [],
  update: (p, g, _s, lr) => ({ p: tf.sub(p, tf.mul(g, lr)), slots: [] }),
};
