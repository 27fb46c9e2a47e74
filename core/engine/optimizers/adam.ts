import { tf } from '../tf';
import type { OptimizerDef } from './types';

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

// Kingma & Ba with bias correction folded into the step size.
export const adam: OptimizerDef = {
  name: 'adam',
  slots: ['m', 'v'],
  update(p, g, [m, v], lr, step) {
    const { beta1, beta2, epsilon } = ADAM;
    const m2 = tf.add(tf.mul(m!, beta1), tf.mul(g, 1 - beta1));
    const v2 = tf.add(tf.mul(v!, beta2), tf.mul(tf.square(g), 1 - beta2));
    const lrT = (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    return { p: tf.sub(p, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), epsilon)), lrT)), slots: [m2, v2] };
  },
};
