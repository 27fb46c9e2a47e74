/**
 * Splitting a time-major [T·B, X] tensor into its T steps. tfjs-wasm's Slice (and SplitV, built on it)
 * copies the whole input out of the wasm heap for every piece (`readSync`), so splitting 100 steps of a
 * [3200, 64] tensor moved ~80 MB and took half a second. On wasm the rows are therefore read to the host
 * once and each step uploaded as its own tensor (exact: a float32 copy); other backends slice in place.
 */
import { tf, type Tensor2D } from './tf';

export function splitRows(t: Tensor2D, T: number): Tensor2D[] {
  if (T === 1) return [t];
  if (tf.getBackend() !== 'wasm') return tf.split(t, T, 0) as Tensor2D[];
  const [rows, cols] = t.shape;
  const B = rows / T;
  const data = t.dataSync() as Float32Array;
  return Array.from({ length: T }, (_, s) =>
    tf.tensor2d(data.subarray(s * B * cols, (s + 1) * B * cols), [B, cols], t.dtype as 'float32'),
  );
}
