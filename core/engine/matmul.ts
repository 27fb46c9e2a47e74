/**
 * Matrix products with explicit transposes. On the wasm backend (tfjs 4.22) a matMul with transposeA or
 * transposeB set is about 10× slower than transposing first and multiplying plainly (measured here:
 * [32,64]·[64,64]ᵀ 131 µs vs 41 µs, [3200,64]ᵀ·[3200,64] 12.5 ms vs 1.8 ms), so the engine never uses the flags.
 */
import { tf, type Tensor2D } from './tf';

export function matMul(a: Tensor2D, b: Tensor2D, transposeA = false, transposeB = false): Tensor2D {
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}
