/**
 * The one place the engine imports TensorFlow.js from. The cpu and wasm backends register themselves on
 * import; the native `tensorflow` backend is loaded on demand by ./backend (it is an optional dependency).
 * No gradient registry is needed: the engine's backward pass is written out by hand (see ./gradients).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

export { tf };
export type Tensor = tf.Tensor;
export type Tensor1D = tf.Tensor1D;
export type Tensor2D = tf.Tensor2D;
export type Scalar = tf.Scalar;
