/**
 * Vanilla-RNN step Jacobian norms ||diag(f'(a_t))·Whᵀ||_2, one per (t, b), averaged over the batch.
 * With J = D·Whᵀ, JJᵀ = D·(WhᵀWh)·D, so all T·B power iterations run together as one [T·B, H]·[H, H]
 * matMul per iteration on the backend. Power iteration approaches σ from below, so the estimates never
 * exceed the bound γ·σ_max(Wh).
 */
import { tf, type Tensor2D } from '../tf';

/**
 * D: f'(a_t) of all steps stacked time-major [T·B, H]. `start` should be Wh's top right singular vector: JJᵀ = D·G·D is G with the rows and columns damped, so
 * that vector is close to the answer and a few iterations suffice (the costly part is T·B·H² per iteration).
 */
export function jacobianNorms(D: Tensor2D, T: number, Wh: Tensor2D, start?: ArrayLike<number>, iterations = 12): number[] {
  if (T === 0) return [];
  const B = D.shape[0] / T;
  const H = Wh.shape[0];
  const out = tf.tidy(() => {
    const G = tf.matMul(tf.transpose(Wh), Wh);
    // Deterministic start: the given vector, else a smooth non-degenerate pattern; a little of the pattern is
    // mixed in so that no row starts orthogonal to its own top direction.
    const pattern = tf.add(1, tf.mul(0.1, tf.sin(tf.range(1, H + 1))));
    const v0 = start ? tf.add(tf.tensor1d(Float32Array.from(start)), tf.mul(pattern, 0.01 / Math.sqrt(H))) : pattern;
    let v = tf.add(tf.zeros([T * B, H]), v0);
    let lambda: tf.Tensor = tf.zeros([T * B]);
    for (let it = 0; it < iterations; it++) {
      const w = tf.mul(tf.matMul(tf.mul(v, D), G), D);
      // √Σx² rather than tf.norm, whose Pow kernel is far slower than Square on tfjs-wasm.
      const nw = tf.sqrt(tf.sum(tf.square(w), 1));
      const nv = tf.sqrt(tf.sum(tf.square(v), 1));
      lambda = tf.div(nw, tf.maximum(nv, 1e-30));
      v = tf.div(w, tf.maximum(tf.expandDims(nw, 1), 1e-30));
    }
    return tf.mean(tf.reshape(tf.sqrt(lambda), [T, B]), 1);
  });
  const data = Array.from(out.dataSync());
  out.dispose();
  return data;
}
