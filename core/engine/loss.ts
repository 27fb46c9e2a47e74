/**
 * Loss kinds. Each is a batch mean with its gradient written out beside it (the engine's backward pass
 * is explicit): mse averages the squared error over rows and outputs (PyTorch's MSELoss), xent averages
 * −log softmax(out)[y] over rows. *_last reads the last step, *_all every step (masked rows weigh 0).
 */
import type { LossKind } from '../tasks/types';
import { tf, type Scalar, type Tensor2D } from './tf';

export interface LossDef {
  kind: LossKind;
  /** Whether the readout sees every step or only h_T. */
  everyStep: boolean;
  classification: boolean;
  /** Loss and ∂loss/∂out, given out [N, O], target y [N, O] and row weights w [N, 1]. */
  apply(out: Tensor2D, y: Tensor2D, w: Tensor2D): { loss: Scalar; dOut: Tensor2D };
}

function mse(kind: LossKind, everyStep: boolean): LossDef {
  return {
    kind,
    everyStep,
    classification: false,
    apply(out, y, w) {
      const diff = tf.sub(out, y);
      return { loss: tf.sum(tf.mul(w, tf.square(diff))) as Scalar, dOut: tf.mul(tf.mul(w, 2), diff) };
    },
  };
}

function xent(kind: LossKind, everyStep: boolean): LossDef {
  return {
    kind,
    everyStep,
    classification: true,
    apply(out, y, w) {
      const logp = tf.logSoftmax(out);
      return { loss: tf.neg(tf.sum(tf.mul(w, tf.mul(y, logp)))) as Scalar, dOut: tf.mul(w, tf.sub(tf.exp(logp), y)) };
    },
  };
}

export const LOSS_DEFS: Record<LossKind, LossDef> = {
  mse_last: mse('mse_last', false),
  mse_all: mse('mse_all', true),
  xent_last: xent('xent_last', false),
  xent_all: xent('xent_all', true),
};

/** Share of rows whose arg-max output is the target class, over rows with weight > 0. */
export function accuracy(out: Tensor2D, y: Tensor2D, w: Tensor2D): Scalar {
  return tf.tidy(() => {
    const hit = tf.cast(tf.equal(tf.argMax(out, 1), tf.argMax(y, 1)), 'float32');
    const keep = tf.cast(tf.greater(tf.reshape(w, [-1]), 0), 'float32');
    return tf.div(tf.sum(tf.mul(hit, keep)), tf.maximum(tf.sum(keep), 1)) as Scalar;
  });
}
