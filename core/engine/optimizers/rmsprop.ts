import { tf } from '../tf';
import type { OptimizerDef } from './types';

export const RMSPROP = { rho: 0.9, epsilon: 1e-8 } as const;

export const rmsprop: OptimizerDef = {
  name: 'rmsprop',
  slots: ['meanSquare'],
  update(p, g, [ms], lr) {
    const ms2 = tf.add(tf.mul(ms!, RMSPROP.rho), tf.mul(tf.square(g), 1 - RMSPROP.rho));
    return { p: tf.sub(p, tf.mul(tf.div(g, tf.add(tf.sqrt(ms2), RMSPROP.epsilon)), lr)), slots: [ms2] };
  },
};
