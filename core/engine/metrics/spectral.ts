/**
 * σ_max and spectral radius of a square recurrent matrix. The spectral radius of a non-symmetric matrix
 * comes from Gelfand's formula ρ = lim ||A^N||^{1/N} by repeated squaring with renormalisation: N = 2^K
 * with K ≈ 20 makes any constant factor in ||A^N|| vanish to ~1e-6 relative, and it needs no complex
 * eigen-solver. Host versions are float64; the tensor version runs the O(H³) squarings on the backend.
 */
import { tf, type Tensor2D } from '../tf';

function frob(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (const v of a) s += (v / m) * (v / m);
  return m * Math.sqrt(s);
}

function square(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += aik * a[k * n + j]!;
    }
  }
  return out;
}

/** Spectral radius of an n × n row-major matrix, float64. */
export function spectralRadiusHost(a: Float64Array | Float32Array, n: number, squarings?: number): number {
  const K = squarings ?? Math.max(10, Math.min(24, Math.floor(2e8 / (n * n * n))));
  let m: Float64Array = Float64Array.from(a);
  const n0 = frob(m);
  if (n0 === 0 || !Number.isFinite(n0)) return n0;
  let logRho = Math.log(n0);
  m = m.map((v) => v / n0);
  for (let k = 1; k <= K; k++) {
    m = square(m, n);
    const nk = frob(m);
    if (nk === 0) return 0; // nilpotent
    logRho += Math.log(nk) / 2 ** k;
    m = m.map((v) => v / nk);
  }
  return Math.exp(logRho);
}

/** Largest singular value of a rows × cols row-major matrix: power iteration on AᵀA, float64. */
export function sigmaMaxHost(a: Float64Array | Float32Array, rows: number, cols: number, iterations = 200): number {
  return topSingular(a, rows, cols, iterations).sigma;
}

/**
 * σ_max and its right singular vector (the top eigenvector of AᵀA), by power iteration from `start` (else a
 * fixed smooth vector). It stops once σ changes by less than 1e-12 relative between iterations: from a
 * previous probe's vector that takes a handful, from scratch up to `iterations`.
 */
export function topSingular(
  a: Float64Array | Float32Array,
  rows: number,
  cols: number,
  iterations = 200,
  start?: Float64Array,
): { sigma: number; v: Float64Array } {
  let v =
    start && start.length === cols && frob(start) > 0
      ? Float64Array.from(start)
      : Float64Array.from({ length: cols }, (_, i) => 1 + 0.01 * Math.sin(i + 1));
  let sigma = 0;
  const av = new Float64Array(rows);
  for (let it = 0; it < iterations; it++) {
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += a[r * cols + c]! * v[c]!;
      av[r] = s;
    }
    const w = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      const x = av[r]!;
      if (x === 0) continue;
      for (let c = 0; c < cols; c++) w[c]! += a[r * cols + c]! * x;
    }
    const nv = frob(v);
    const nw = frob(w);
    if (nw === 0 || nv === 0) return { sigma: 0, v };
    const next = Math.sqrt(nw / nv);
    v = w.map((x) => x / nw);
    const settled = Math.abs(next - sigma) <= 1e-12 * next;
    sigma = next;
    if (settled) break;
  }
  return { sigma, v };
}

/** Frobenius norm as √Σx² (tf.norm's Pow kernel is far slower on tfjs-wasm). */
const frobTensor = (m: tf.Tensor): tf.Scalar => tf.sqrt(tf.sum(tf.square(m))) as tf.Scalar;

/** Spectral radius with the squarings done by the backend (float32): for probes on large H. */
export function spectralRadiusTensor(w: Tensor2D, squarings = 20): number {
  const logs = tf.tidy(() => {
    const norms: tf.Scalar[] = [];
    let m = w;
    let n = frobTensor(m);
    norms.push(n);
    m = tf.div(m, tf.maximum(n, 1e-30));
    for (let k = 1; k <= squarings; k++) {
      m = tf.matMul(m, m);
      n = frobTensor(m);
      norms.push(n);
      m = tf.div(m, tf.maximum(n, 1e-30));
    }
    return tf.stack(norms);
  });
  const ns = logs.dataSync();
  logs.dispose();
  let logRho = Math.log(ns[0]!);
  for (let k = 1; k < ns.length; k++) {
    if (ns[k]! === 0) return 0;
    logRho += Math.log(ns[k]!) / 2 ** k;
  }
  return Math.exp(logRho);
}
