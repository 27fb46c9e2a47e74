import { tf } from '../tf';
import type { OptimizerDef } from './types';

export const MOMENTUM = 0.9;

// Heavy ball, PyTorch's form: v ← μ·v + g; p ← p − lr·v.
export const momentum: OptimizerDef = {
  name: 'momentum',
  slots: ['velocity'],
  update(p, g, [v], lr) {
    const v2 = tf.add(tf.mul(v!, MOMENTUM), g);
    return { p: tf.sub(p, tf.mul(v2, lr)), slots: [v2] };
  },
};
