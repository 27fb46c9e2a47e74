/**
 * Vanilla-RNN step Jacobian norms ||diag(f'(a_t))·Whᵀ||_2, one per (t, b), averaged over the batch.
 * With J = D·Whᵀ, ||J||² is the top eigenvalue of the symmetric PSD matrix M = D·(WhᵀWh)·D. All T·B rows run
 * a Lanczos iteration together (the three-term recurrence), one [T·B, H]·[H, H] matMul and a dozen
 * element-wise ops per step on the backend, as many as a power iteration's; the host then takes the
 * top eigenvalue of each row's small tridiagonal matrix by bisection. Lanczos reaches in 10 steps what power
 * iteration misses by ~2% after 12, and its Ritz values, like the power estimate, approach from below: the
 * estimates never exceed the bound γ·σ_max(Wh).
 */
import { tf, type Tensor2D } from '../tf';

/**
 * Largest eigenvalue of the symmetric tridiagonal matrix (diagonal a[0..k), off-diagonal b[0..k−1)), by Sturm
 * bisection between max(a) (a Rayleigh quotient, so a lower bound) and the Gershgorin upper bound.
 */
export function tridiagonalMax(a: Float64Array, b: Float64Array, k: number): number {
  if (k === 0) return 0;
  let hi = -Infinity;
  let lo = -Infinity;
  for (let i = 0; i < k; i++) {
    const r = (i > 0 ? Math.abs(b[i - 1]!) : 0) + (i < k - 1 ? Math.abs(b[i]!) : 0);
    hi = Math.max(hi, a[i]! + r);
    lo = Math.max(lo, a[i]!);
  }
  if (!Number.isFinite(hi) || !Number.isFinite(lo)) return Number.NaN;
  const tol = 1e-13 * Math.max(Math.abs(hi), Math.abs(lo), 1e-300);
  while (hi - lo > tol) {
    const x = 0.5 * (lo + hi);
    // Sturm count: the LDLᵀ pivots of (T − xI) are all negative exactly when every eigenvalue is below x.
    let allBelow = true;
    let q = a[0]! - x;
    if (q >= 0) allBelow = false;
    for (let i = 1; i < k && allBelow; i++) {
      q = a[i]! - x - (b[i - 1]! * b[i - 1]!) / (q === 0 ? -1e-300 : q);
      if (q >= 0) allBelow = false;
    }
    if (allBelow) hi = x;
    else lo = x;
  }
  return 0.5 * (lo + hi);
}

/**
 * D: f'(candidate) of all steps stacked time-major [T·B, H]. `start` should be Wh's top right singular vector:
 * M is WhᵀWh with rows and columns damped, so its top eigenvector lies near that direction.
 */
export function jacobianNorms(D: Tensor2D, T: number, Wh: Tensor2D, start?: ArrayLike<number>, steps = 10): number[] {
  if (T === 0) return [];
  const N = D.shape[0];
  const B = N / T;
  const H = Wh.shape[0];
  const k = Math.max(1, Math.min(steps, H));
  const { alphas, betas } = tf.tidy(() => {
    const G = tf.matMul(Wh, Wh, true, false);
    // Deterministic start: the given vector with a little of a smooth pattern mixed in, so no row starts
    // orthogonal to its own top direction.
    const pattern = tf.add(1, tf.mul(0.1, tf.sin(tf.range(1, H + 1))));
    const v0 = start ? tf.add(tf.tensor1d(Float32Array.from(start)), tf.mul(pattern, 0.01 / Math.sqrt(H))) : pattern;
    // Every row starts from the same vector: [1, H] broadcasts against D until the rows part ways.
    let q: Tensor2D = tf.reshape(tf.div(v0, tf.norm(v0)), [1, H]);
    let qPrev: Tensor2D | null = null;
    let betaPrev: tf.Tensor | null = null;
    const as: tf.Tensor[] = [];
    const bs: tf.Tensor[] = [];
    for (let j = 0; j < k; j++) {
      let w = tf.mul(tf.matMul(tf.mul(q, D), G), D) as Tensor2D;
      // Row-wise scalars are [N] vectors (concatenated cheaply at the end), broadcast as [N, 1] columns.
      const alpha = tf.sum(tf.mul(w, q), 1);
      as.push(alpha);
      if (j === k - 1) break;
      w = tf.sub(w, tf.mul(tf.expandDims(alpha, 1), q));
      if (qPrev && betaPrev) w = tf.sub(w, tf.mul(tf.expandDims(betaPrev, 1), qPrev));
      const beta = tf.sqrt(tf.sum(tf.square(w), 1));
      bs.push(beta);
      qPrev = q;
      betaPrev = beta;
      // A row whose Krylov space closed (β ≈ 0) gets a negligible q: its α and β stay ≈ 0 from here on.
      q = tf.div(w, tf.expandDims(tf.maximum(beta, 1e-30), 1)) as Tensor2D;
    }
    return { alphas: tf.concat(as), betas: bs.length ? tf.concat(bs) : tf.zeros([N]) };
  });
  // Laid out step-major: α_j of row r at j·N + r.
  const A = alphas.dataSync();
  const Bt = betas.dataSync();
  tf.dispose([alphas, betas]);
  const a = new Float64Array(k);
  const b = new Float64Array(Math.max(k - 1, 1));
  const out = new Float64Array(T);
  for (let r = 0; r < N; r++) {
    for (let j = 0; j < k; j++) a[j] = A[j * N + r]!;
    for (let j = 0; j < k - 1; j++) b[j] = Bt[j * N + r]!;
    const lambda = tridiagonalMax(a, b, k);
    out[Math.floor(r / B)]! += Math.sqrt(Math.max(lambda, 0)) / B;
  }
  return Array.from(out);
}
