/** Activation saturation: the share of units whose |f'| is below a threshold, on the probe batch. */
import { tf, type Tensor } from '../tf';

export const SATURATION_THRESHOLD = 0.05;

/** Scalar tensor: mean over every (t, b, unit) of [|f'(a)| < threshold]. */
export function saturationShare(derivatives: Tensor[], threshold = SATURATION_THRESHOLD): tf.Scalar {
  return tf.tidy(() => {
    const counts = derivatives.map((d) => tf.sum(tf.cast(tf.less(tf.abs(d), threshold), 'float32')));
    const total = derivatives.reduce((n, d) => n + d.size, 0);
    return tf.div(tf.addN(counts), total) as tf.Scalar;
  });
}
