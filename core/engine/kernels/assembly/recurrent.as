/**
 * Fused recurrent kernels (AssemblyScript → WebAssembly with SIMD): the whole time loop of one layer's
 * forward pass, and of its backward pass, in one call each. The cpu and wasm tfjs backends otherwise launch
 * a dozen kernels per step; here a step is one register-blocked f32x4 matrix product plus plain loops.
 *
 * Everything is float32, row-major, in this module's linear memory; the caller (../recurrent-kernel.ts)
 * lays the buffers out above heapBase() and passes byte offsets. Nothing here allocates.
 *
 * Cells (gate blocks side by side, as core/engine/model.ts lays out the weights):
 *   0 rnn  (G = 1)  h = f(xp + h₋·Wh)
 *   1 lstm (G = 4)  blocks i, f, g, o; c = σf⊙c₋ + σi⊙f(g); h = σo⊙f(c)
 *   2 gru  (G = 3)  blocks r, z, n; n = f(xn + r⊙(h₋·Whn + bhn)); h = n + z⊙(h₋ − n)
 * Activations: 0 tanh, 1 sigmoid, 2 relu, 3 leaky_relu (slope 0.01), 4 elu, 5 linear. Every derivative is
 * taken from the activation's output (relu and leaky_relu: y > 0 exactly when a > 0), as the tfjs path does.
 * Every elementwise loop runs four lanes at a time, tanh/σ/exp as vector approximations (tanh4, exp4); a loop's
 * tail runs the same lane code on one value, so no value depends on where a slice or a row block ends.
 */

const RNN = 0;
const LSTM = 1;
const GRU = 2;

const TANH = 0;
const SIGMOID = 1;
const RELU = 2;
const LEAKY = 3;
const ELU = 4;

const LEAKY_SLOPE: f32 = 0.01;
const TINY: f64 = 1e-30;

export function heapBase(): usize {
  return __heap_base;
}

/**
 * e^a (Cephes expf): a = n·ln2 + r with |r| ≤ ln2/2, a degree-7 polynomial in r, times 2^n built in the
 * exponent bits. Relative error ~1e-7 over [−87.3, 88.7]; below, 0 (float32's normal range ends there);
 * above, +∞.
 */
@inline function exp4(a: v128): v128 {
  const x = f32x4.max(f32x4.min(a, f32x4.splat(88.7228)), f32x4.splat(-87.3365));
  const n = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.add(f32x4.mul(r, f32x4.splat(1.9875691500e-4)), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(r, y), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(r, y), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(r, y), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(r, y), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(r, r), y), r), f32x4.splat(1));
  // 2^n in two halves, so that n = 128 (a near 88.7) does not overflow the exponent field.
  const ni = i32x4.trunc_sat_f32x4_s(n);
  const h = i32x4.shr_s(ni, 1);
  const p1 = i32x4.shl(i32x4.add(h, i32x4.splat(127)), 23);
  const p2 = i32x4.shl(i32x4.add(i32x4.sub(ni, h), i32x4.splat(127)), 23);
  const e = f32x4.mul(f32x4.mul(y, p1), p2);
  const big = f32x4.gt(a, f32x4.splat(88.7228));
  const small = f32x4.lt(a, f32x4.splat(-87.3365));
  const r1 = v128.bitselect(f32x4.splat(Infinity), e, big);
  // NaN compares false both ways and is clamped by min/max: pass it through explicitly.
  return v128.bitselect(a, v128.bitselect(f32x4.splat(0), r1, small), f32x4.ne(a, a));
}

/**
 * tanh as Eigen's rational approximation (odd degree-13 over even degree-6 polynomial, inputs clamped to
 * ±7.905) near 0, 1 − 2/(e^{2|x|} + 1) beyond 0.75: within 3e-7 of tanh everywhere in float32, four lanes
 * at a time, where Mathf.tanh is a scalar call with an expm1 inside.
 */
@inline function tanh4(a: v128): v128 {
  const c = f32x4.splat(7.90531110763549805);
  const x = f32x4.max(f32x4.min(a, c), f32x4.neg(c));
  const x2 = f32x4.mul(x, x);
  let p = f32x4.add(f32x4.mul(x2, f32x4.splat(-2.76076847742355e-16)), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(5.12229709037114e-8));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(1.48572235717979e-5));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(6.37261928875436e-4));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(4.89352455891786e-3));
  p = f32x4.mul(x, p);
  let q = f32x4.add(f32x4.mul(x2, f32x4.splat(1.19825839466702e-6)), f32x4.splat(1.18534705686654e-4));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(2.2684346324390e-3));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(4.89352518554385e-3));
  // Below 4e-4 tanh(x) = x to float32 precision; NaN stays NaN through min/max.
  const r = v128.bitselect(x, f32x4.div(p, q), f32x4.lt(f32x4.abs(a), f32x4.splat(0.0004)));
  // Towards saturation the rational form drifts to 3.3e-7; there 1 − 2/(e^{2|x|} + 1) is within 1.5e-7.
  const one = f32x4.splat(1);
  const ax = f32x4.abs(a);
  const t = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(exp4(f32x4.add(ax, ax)), one)));
  const far = v128.or(t, v128.and(a, f32x4.splat(-0.0)));
  return v128.bitselect(far, r, f32x4.gt(ax, f32x4.splat(0.75)));
}

@inline function sigmoid4(a: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, exp4(f32x4.neg(a))));
}

@inline function act4(a: v128, k: i32): v128 {
  const zero = f32x4.splat(0);
  if (k == TANH) return tanh4(a);
  if (k == SIGMOID) return sigmoid4(a);
  if (k == RELU) return v128.bitselect(zero, a, f32x4.lt(a, zero));
  if (k == LEAKY) return v128.bitselect(f32x4.mul(a, f32x4.splat(LEAKY_SLOPE)), a, f32x4.lt(a, zero));
  if (k == ELU) return v128.bitselect(f32x4.sub(exp4(a), f32x4.splat(1)), a, f32x4.lt(a, zero));
  return a;
}

/** f'(a) from y = f(a), four lanes (as deriv). */
@inline function deriv4(y: v128, k: i32): v128 {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  if (k == TANH) return f32x4.sub(one, f32x4.mul(y, y));
  if (k == SIGMOID) return f32x4.mul(y, f32x4.sub(one, y));
  if (k == RELU) return v128.bitselect(one, zero, f32x4.gt(y, zero));
  if (k == LEAKY) return v128.bitselect(one, f32x4.splat(LEAKY_SLOPE), f32x4.gt(y, zero));
  if (k == ELU) return v128.bitselect(f32x4.add(y, one), one, f32x4.lt(y, zero));
  return one;
}

/**
 * y[i] = f(a[i]) in place and d[i] = f'(a[i]) (from y) for n values: the activation of a step's rows. Exported
 * for the tests that hold the approximations against Math.tanh and Math.exp.
 */
export function activate(k: i32, y: usize, d: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o: usize = <usize>i << 2;
    const v = act4(v128.load(y + o), k);
    v128.store(y + o, v);
    v128.store(d + o, deriv4(v, k));
  }
  for (; i < n; i++) {
    const v = act4(f32x4.splat(ld(y, i)), k);
    st(y, i, f32x4.extract_lane(v, 0));
    st(d, i, f32x4.extract_lane(deriv4(v, k), 0));
  }
}

@inline function ld(p: usize, i: i32): f32 {
  return load<f32>(p + (<usize>i << 2));
}

@inline function st(p: usize, i: i32, v: f32): void {
  store<f32>(p + (<usize>i << 2), v);
}

/**
 * C[M, N] (+)= A[M, K] · W[K, N], leading dimensions in elements. Blocks of 4 rows × 8 columns keep eight
 * f32x4 accumulators in registers; tails fall back to 4-wide and scalar columns.
 */
export function matmul(A: usize, lda: i32, W: usize, ldw: i32, C: usize, ldc: i32, M: i32, K: i32, N: i32, acc: bool): void {
  const wStride: usize = <usize>ldw << 2;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = A + (<usize>(i * lda) << 2);
    const a1 = a0 + (<usize>lda << 2);
    const a2 = a1 + (<usize>lda << 2);
    const a3 = a2 + (<usize>lda << 2);
    const c0 = C + (<usize>(i * ldc) << 2);
    const c1 = c0 + (<usize>ldc << 2);
    const c2 = c1 + (<usize>ldc << 2);
    const c3 = c2 + (<usize>ldc << 2);
    let j = 0;
    for (; j + 8 <= N; j += 8) {
      const o: usize = <usize>j << 2;
      let x00 = f32x4.splat(0), x01 = f32x4.splat(0), x10 = f32x4.splat(0), x11 = f32x4.splat(0);
      let x20 = f32x4.splat(0), x21 = f32x4.splat(0), x30 = f32x4.splat(0), x31 = f32x4.splat(0);
      if (acc) {
        x00 = v128.load(c0 + o); x01 = v128.load(c0 + o, 16);
        x10 = v128.load(c1 + o); x11 = v128.load(c1 + o, 16);
        x20 = v128.load(c2 + o); x21 = v128.load(c2 + o, 16);
        x30 = v128.load(c3 + o); x31 = v128.load(c3 + o, 16);
      }
      let w = W + o;
      for (let k = 0; k < K; k++) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        const kk: usize = <usize>k << 2;
        const s0 = f32x4.splat(load<f32>(a0 + kk));
        x00 = f32x4.add(x00, f32x4.mul(s0, w0));
        x01 = f32x4.add(x01, f32x4.mul(s0, w1));
        const s1 = f32x4.splat(load<f32>(a1 + kk));
        x10 = f32x4.add(x10, f32x4.mul(s1, w0));
        x11 = f32x4.add(x11, f32x4.mul(s1, w1));
        const s2 = f32x4.splat(load<f32>(a2 + kk));
        x20 = f32x4.add(x20, f32x4.mul(s2, w0));
        x21 = f32x4.add(x21, f32x4.mul(s2, w1));
        const s3 = f32x4.splat(load<f32>(a3 + kk));
        x30 = f32x4.add(x30, f32x4.mul(s3, w0));
        x31 = f32x4.add(x31, f32x4.mul(s3, w1));
        w += wStride;
      }
      v128.store(c0 + o, x00); v128.store(c0 + o, x01, 16);
      v128.store(c1 + o, x10); v128.store(c1 + o, x11, 16);
      v128.store(c2 + o, x20); v128.store(c2 + o, x21, 16);
      v128.store(c3 + o, x30); v128.store(c3 + o, x31, 16);
    }
    for (; j + 4 <= N; j += 4) {
      const o: usize = <usize>j << 2;
      let x0 = acc ? v128.load(c0 + o) : f32x4.splat(0);
      let x1 = acc ? v128.load(c1 + o) : f32x4.splat(0);
      let x2 = acc ? v128.load(c2 + o) : f32x4.splat(0);
      let x3 = acc ? v128.load(c3 + o) : f32x4.splat(0);
      let w = W + o;
      for (let k = 0; k < K; k++) {
        const w0 = v128.load(w);
        const kk: usize = <usize>k << 2;
        x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(load<f32>(a0 + kk)), w0));
        x1 = f32x4.add(x1, f32x4.mul(f32x4.splat(load<f32>(a1 + kk)), w0));
        x2 = f32x4.add(x2, f32x4.mul(f32x4.splat(load<f32>(a2 + kk)), w0));
        x3 = f32x4.add(x3, f32x4.mul(f32x4.splat(load<f32>(a3 + kk)), w0));
        w += wStride;
      }
      v128.store(c0 + o, x0);
      v128.store(c1 + o, x1);
      v128.store(c2 + o, x2);
      v128.store(c3 + o, x3);
    }
    for (; j < N; j++) {
      let y0: f32 = acc ? ld(c0, j) : 0, y1: f32 = acc ? ld(c1, j) : 0, y2: f32 = acc ? ld(c2, j) : 0, y3: f32 = acc ? ld(c3, j) : 0;
      for (let k = 0; k < K; k++) {
        const wk = ld(W, k * ldw + j);
        y0 += ld(a0, k) * wk;
        y1 += ld(a1, k) * wk;
        y2 += ld(a2, k) * wk;
        y3 += ld(a3, k) * wk;
      }
      st(c0, j, y0); st(c1, j, y1); st(c2, j, y2); st(c3, j, y3);
    }
  }
  for (; i < M; i++) {
    const a0 = A + (<usize>(i * lda) << 2);
    const c0 = C + (<usize>(i * ldc) << 2);
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      const o: usize = <usize>j << 2;
      let x0 = acc ? v128.load(c0 + o) : f32x4.splat(0);
      let w = W + o;
      for (let k = 0; k < K; k++) {
        x0 = f32x4.add(x0, f32x4.mul(f32x4.splat(ld(a0, k)), v128.load(w)));
        w += wStride;
      }
      v128.store(c0 + o, x0);
    }
    for (; j < N; j++) {
      let y: f32 = acc ? ld(c0, j) : 0;
      for (let k = 0; k < K; k++) y += ld(a0, k) * ld(W, k * ldw + j);
      st(c0, j, y);
    }
  }
}

/** B[cols, rows] = Aᵀ for A[rows, cols]. */
export function transpose(A: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) st(out, c * rows + r, ld(A, r * cols + c));
}

/** Four lanes from p, or (one) a single value in every lane: one body serves a loop's blocks and its tail. */
@inline function ldv(p: usize, one: bool): v128 {
  return one ? f32x4.splat(load<f32>(p)) : v128.load(p);
}

@inline function stv(p: usize, v: v128, one: bool): void {
  if (one) store<f32>(p, f32x4.extract_lane(v, 0));
  else v128.store(p, v);
}

/** LSTM gates and cell of element j of one batch row (n = its index in [B, H]), four lanes or one. */
@inline function lstmForward(k: i32, H: i32, row: usize, j: i32, n: i32, dT: usize, cP: usize, cT: usize, fcT: usize, hT: usize, hasPrev: bool, one: bool): void {
  const rj = row + (<usize>j << 2);
  const oH: usize = <usize>H << 2;
  const nb: usize = <usize>n << 2;
  const si = sigmoid4(ldv(rj, one));
  const sf = sigmoid4(ldv(rj + oH, one));
  const g = act4(ldv(rj + 2 * oH, one), k);
  const so = sigmoid4(ldv(rj + 3 * oH, one));
  stv(rj, si, one);
  stv(rj + oH, sf, one);
  stv(rj + 2 * oH, g, one);
  stv(rj + 3 * oH, so, one);
  stv(dT + nb, deriv4(g, k), one);
  const ig = f32x4.mul(si, g);
  const cv = hasPrev ? f32x4.add(f32x4.mul(sf, ldv(cP + nb, one)), ig) : ig;
  stv(cT + nb, cv, one);
  const f = act4(cv, k);
  stv(fcT + nb, f, one);
  stv(hT + nb, f32x4.mul(so, f), one);
}

/** GRU gates and output of element j of one batch row (o = its index in [B, H]), four lanes or one. */
@inline function gruForward(k: i32, H: i32, x: usize, p: usize, row: usize, j: i32, o: i32, hnT: usize, dT: usize, hP: usize, hT: usize, hasPrev: bool, one: bool): void {
  const oj: usize = <usize>j << 2;
  const oH: usize = <usize>H << 2;
  const ob: usize = <usize>o << 2;
  const r = sigmoid4(f32x4.add(ldv(x + oj, one), ldv(p + oj, one)));
  const z = sigmoid4(f32x4.add(ldv(x + oH + oj, one), ldv(p + oH + oj, one)));
  const hnv = ldv(p + 2 * oH + oj, one);
  const n = act4(f32x4.add(ldv(x + 2 * oH + oj, one), f32x4.mul(r, hnv)), k);
  stv(row + oj, r, one);
  stv(row + oH + oj, z, one);
  stv(row + 2 * oH + oj, n, one);
  stv(hnT + ob, hnv, one);
  stv(dT + ob, deriv4(n, k), one);
  stv(hT + ob, hasPrev ? f32x4.add(n, f32x4.mul(z, f32x4.sub(ldv(hP + ob, one), n))) : f32x4.sub(n, f32x4.mul(z, n)), one);
}

/** LSTM backward through element j of one batch row, four lanes or one (as the scalar formulas it replaced). */
@inline function lstmBackward(k: i32, H: i32, row: usize, out: usize, j: i32, n: i32, fcT: usize, dh: usize, dc: usize, cP: usize, dT: usize, carryC: usize, first: bool, one: bool): void {
  const rj = row + (<usize>j << 2);
  const oj = out + (<usize>j << 2);
  const oH: usize = <usize>H << 2;
  const nb: usize = <usize>n << 2;
  const ones = f32x4.splat(1);
  const si = ldv(rj, one);
  const sf = ldv(rj + oH, one);
  const g = ldv(rj + 2 * oH, one);
  const so = ldv(rj + 3 * oH, one);
  const f = ldv(fcT + nb, one);
  const dhv = ldv(dh + nb, one);
  const dcv = f32x4.add(ldv(dc + nb, one), f32x4.mul(f32x4.mul(dhv, so), deriv4(f, k)));
  stv(dc + nb, dcv, one);
  stv(oj, f32x4.mul(f32x4.mul(f32x4.mul(dcv, g), si), f32x4.sub(ones, si)), one);
  stv(oj + oH, first ? f32x4.splat(0) : f32x4.mul(f32x4.mul(f32x4.mul(dcv, ldv(cP + nb, one)), sf), f32x4.sub(ones, sf)), one);
  stv(oj + 2 * oH, f32x4.mul(f32x4.mul(dcv, si), ldv(dT + nb, one)), one);
  stv(oj + 3 * oH, f32x4.mul(f32x4.mul(f32x4.mul(dhv, f), so), f32x4.sub(ones, so)), one);
  if (!first) stv(carryC + nb, f32x4.mul(dcv, sf), one);
}

/** GRU backward through element j of one batch row, four lanes or one. */
@inline function gruBackward(H: i32, row: usize, out: usize, outH: usize, j: i32, n: i32, dh: usize, dT: usize, hP: usize, hnT: usize, first: bool, one: bool): void {
  const oj: usize = <usize>j << 2;
  const oH: usize = <usize>H << 2;
  const nb: usize = <usize>n << 2;
  const ones = f32x4.splat(1);
  const r = ldv(row + oj, one);
  const z = ldv(row + oH + oj, one);
  const nv = ldv(row + 2 * oH + oj, one);
  const dhv = ldv(dh + nb, one);
  const dan = f32x4.mul(f32x4.mul(dhv, f32x4.sub(ones, z)), ldv(dT + nb, one));
  const hp = first ? f32x4.splat(0) : ldv(hP + nb, one);
  const daz = f32x4.mul(f32x4.mul(f32x4.mul(dhv, f32x4.sub(hp, nv)), z), f32x4.sub(ones, z));
  const dar = f32x4.mul(f32x4.mul(f32x4.mul(dan, ldv(hnT + nb, one)), r), f32x4.sub(ones, r));
  stv(out + oj, dar, one);
  stv(out + oH + oj, daz, one);
  stv(out + 2 * oH + oj, dan, one);
  stv(outH + oj, dar, one);
  stv(outH + oH + oj, daz, one);
  stv(outH + 2 * oH + oj, f32x4.mul(dan, r), one);
}

/** c[i] = a[i] + b[i] (or a[i] when !add) for n values. */
function addInto(c: usize, a: usize, b: usize, n: i32, add: bool): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o: usize = <usize>i << 2;
    v128.store(c + o, add ? f32x4.add(v128.load(a + o), v128.load(b + o)) : v128.load(a + o));
  }
  for (; i < n; i++) st(c, i, add ? ld(a, i) + ld(b, i) : ld(a, i));
}

/** c[i] = a[i] · b[i] for n values. */
function mulInto(c: usize, a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o: usize = <usize>i << 2;
    v128.store(c + o, f32x4.mul(v128.load(a + o), v128.load(b + o)));
  }
  for (; i < n; i++) st(c, i, ld(a, i) * ld(b, i));
}

/**
 * One layer's forward pass over T steps, for batch rows [b0, b0 + B) of `rows` (every buffer is [T·rows, ·],
 * time-major): rows are independent through time, so threads can each run a slice on the same buffers, and a
 * row's numbers do not depend on how the batch was sliced.
 *   xp [T·B, G·H]  input projection with the folded biases (GRU: bx only)
 *   wh [H, G·H], bh [G·H] (GRU only)
 * Outputs (all [T·B, ·]):
 *   h [·, H]; d [·, H] = f'(candidate) (rnn a, lstm a_g, gru a_n);
 *   s [·, G·H]: lstm [σi, σf, f(a_g), σo], gru [r, z, n]; c, fc [·, H] (lstm: c_t and f(c_t));
 *   hn [·, H] (gru: h₋·Whn + bhn). scratch [B, G·H] (gru).
 */
export function forward(cell: i32, k: i32, T: i32, rows: i32, b0: i32, B: i32, H: i32, xp: usize, wh: usize, bh: usize, h: usize, d: usize, s: usize, c: usize, fc: usize, hn: usize, scratch: usize): void {
  const G = cell == RNN ? 1 : cell == LSTM ? 4 : 3;
  const GH = G * H;
  const BH = B * H;
  const BGH = B * GH;
  // Step t's rows of this slice start at row t·rows + b0; the previous step's same rows lie rows·H back.
  const RH = rows * H;
  const RGH = rows * GH;
  for (let t = 0; t < T; t++) {
    const r0 = t * rows + b0;
    const xpT = xp + (<usize>(r0 * GH) << 2);
    const hT = h + (<usize>(r0 * H) << 2);
    const hP = hT - (<usize>RH << 2);
    const dT = d + (<usize>(r0 * H) << 2);
    if (cell == RNN) {
      memory.copy(hT, xpT, <usize>BH << 2);
      if (t > 0) matmul(hP, H, wh, GH, hT, H, B, H, H, true);
      activate(k, hT, dT, BH);
    } else if (cell == LSTM) {
      const sT = s + (<usize>(r0 * GH) << 2);
      const cT = c + (<usize>(r0 * H) << 2);
      const cP = cT - (<usize>RH << 2);
      const fcT = fc + (<usize>(r0 * H) << 2);
      memory.copy(sT, xpT, <usize>BGH << 2);
      if (t > 0) matmul(hP, H, wh, GH, sT, GH, B, H, GH, true);
      const hasPrev = t > 0;
      for (let b = 0; b < B; b++) {
        const row = sT + (<usize>(b * GH) << 2);
        let j = 0;
        for (; j + 4 <= H; j += 4) lstmForward(k, H, row, j, b * H + j, dT, cP, cT, fcT, hT, hasPrev, false);
        for (; j < H; j++) lstmForward(k, H, row, j, b * H + j, dT, cP, cT, fcT, hT, hasPrev, true);
      }
    } else {
      const sT = s + (<usize>(r0 * GH) << 2);
      const hnT = hn + (<usize>(r0 * H) << 2);
      for (let b = 0; b < B; b++) memory.copy(scratch + (<usize>(b * GH) << 2), bh, <usize>GH << 2);
      if (t > 0) matmul(hP, H, wh, GH, scratch, GH, B, H, GH, true);
      const hasPrev = t > 0;
      for (let b = 0; b < B; b++) {
        const x = xpT + (<usize>(b * GH) << 2);
        const p = scratch + (<usize>(b * GH) << 2);
        const row = sT + (<usize>(b * GH) << 2);
        let j = 0;
        for (; j + 4 <= H; j += 4) gruForward(k, H, x, p, row, j, b * H + j, hnT, dT, hP, hT, hasPrev, false);
        for (; j < H; j++) gruForward(k, H, x, p, row, j, b * H + j, hnT, dT, hP, hT, hasPrev, true);
      }
    }
  }
}

@inline function maxAbs(p: usize, n: i32, m: f64): f64 {
  for (let i = 0; i < n; i++) {
    const a = <f64>Mathf.abs(ld(p, i));
    if (a > m || a != a) m = a;
  }
  return m;
}

@inline function sumSq(p: usize, n: i32): f64 {
  // Two float64 lanes per half of each f32x4: the probe's norm costs a fraction of the step's matrix product.
  let a = f64x2.splat(0);
  let b = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(p + (<usize>i << 2));
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(v128.swizzle(v, i8x16(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)));
    a = f64x2.add(a, f64x2.mul(lo, lo));
    b = f64x2.add(b, f64x2.mul(hi, hi));
  }
  const ab = f64x2.add(a, b);
  let s: f64 = f64x2.extract_lane(ab, 0) + f64x2.extract_lane(ab, 1);
  for (; i < n; i++) {
    const v = <f64>ld(p, i);
    s += v * v;
  }
  return s;
}

/**
 * One layer's backward pass over T steps (t = T … 1), from the forward's buffers, for batch rows [b0, b0 + B) of
 * `rows` as forward (norms and scales are this slice's; rescale = 1 needs the whole batch in one slice).
 *   wht [G·H, H] = Whᵀ; ext [T·B, H] the gradient reaching each h_t from outside the recurrence (readout or
 *   the layer above), extLog [T] (f64) its per-step natural-log scale (0 when unscaled).
 * Outputs: dxp [T·B, G·H] = ∂L/∂(input projection) per step; gru also dhp [T·B, G·H] = ∂L/∂(h₋·Wh + bh);
 *   logs [T] (f64): the natural-log scale of step t's dxp/dhp rows; hNorm, cNorm [T] (f64): ||∂L/∂h_t||,
 *   ||∂L/∂c_t|| (lstm), true magnitude.
 * rescale = 0: plain float32 BPTT (all scales 0), the numbers the tfjs path gives. rescale = 1: the carried
 *   gradient is renormalised to max |·| = 1 after every step and its magnitude kept as a float64 log, so
 *   norms far below float32's range stay exact (parameter gradients are then not meaningful).
 * scratch: dh, dc, carryH, carryC [B, H] each.
 */
export function backward(cell: i32, k: i32, T: i32, rows: i32, b0: i32, B: i32, H: i32, rescale: i32, wht: usize, ext: usize, extLog: usize, h: usize, d: usize, s: usize, c: usize, fc: usize, hn: usize, dxp: usize, dhp: usize, logs: usize, hNorm: usize, cNorm: usize, scratch: usize): void {
  const G = cell == RNN ? 1 : cell == LSTM ? 4 : 3;
  const GH = G * H;
  const BH = B * H;
  const BGH = B * GH;
  const dh = scratch;
  const dc = dh + (<usize>BH << 2);
  const carryH = dc + (<usize>BH << 2);
  const carryC = carryH + (<usize>BH << 2);
  let carryLog: f64 = 0;
  let haveCarry = false;
  for (let t = T - 1; t >= 0; t--) {
    const r0 = t * rows + b0;
    const extT = ext + (<usize>(r0 * H) << 2);
    const dT = d + (<usize>(r0 * H) << 2);
    const dxpT = dxp + (<usize>(r0 * GH) << 2);
    // dh_t = ext_t + carry, formed at a common scale L.
    let L: f64 = 0;
    if (rescale) {
      const eLog = load<f64>(extLog + (<usize>t << 3));
      const me = maxAbs(extT, BH, 0);
      const hasExt = me > 0;
      const eL = hasExt ? eLog + Math.log(me) : -Infinity;
      L = haveCarry ? (eL > carryLog ? eL : carryLog) : hasExt ? eL : 0;
      const fe: f64 = hasExt ? Math.exp(eLog - L) : 0;
      const fcar: f64 = haveCarry ? Math.exp(carryLog - L) : 0;
      for (let i = 0; i < BH; i++) {
        st(dh, i, <f32>(<f64>ld(extT, i) * fe + (haveCarry ? <f64>ld(carryH, i) * fcar : 0)));
        if (cell == LSTM) st(dc, i, haveCarry ? <f32>(<f64>ld(carryC, i) * fcar) : 0);
      }
    } else {
      addInto(dh, extT, carryH, BH, haveCarry);
      if (cell == LSTM) {
        if (haveCarry) memory.copy(dc, carryC, <usize>BH << 2);
        else memory.fill(dc, 0, <usize>BH << 2);
      }
    }
    store<f64>(logs + (<usize>t << 3), L);
    store<f64>(hNorm + (<usize>t << 3), Math.sqrt(sumSq(dh, BH)) * Math.exp(L));
    const first = t == 0;
    if (cell == RNN) {
      mulInto(dxpT, dh, dT, BH);
      if (!first) matmul(dxpT, H, wht, H, carryH, H, B, H, H, false);
    } else if (cell == LSTM) {
      const sT = s + (<usize>(r0 * GH) << 2);
      const cP = c + (<usize>((r0 - rows) * H) << 2);
      const fcT = fc + (<usize>(r0 * H) << 2);
      for (let b = 0; b < B; b++) {
        const row = sT + (<usize>(b * GH) << 2);
        const out = dxpT + (<usize>(b * GH) << 2);
        let j = 0;
        for (; j + 4 <= H; j += 4) lstmBackward(k, H, row, out, j, b * H + j, fcT, dh, dc, cP, dT, carryC, first, false);
        for (; j < H; j++) lstmBackward(k, H, row, out, j, b * H + j, fcT, dh, dc, cP, dT, carryC, first, true);
      }
      store<f64>(cNorm + (<usize>t << 3), Math.sqrt(sumSq(dc, BH)) * Math.exp(L));
      if (!first) matmul(dxpT, GH, wht, H, carryH, H, B, GH, H, false);
    } else {
      const sT = s + (<usize>(r0 * GH) << 2);
      const hnT = hn + (<usize>(r0 * H) << 2);
      const hP = h + (<usize>((r0 - rows) * H) << 2);
      const dhpT = dhp + (<usize>(r0 * GH) << 2);
      for (let b = 0; b < B; b++) {
        const row = sT + (<usize>(b * GH) << 2);
        const out = dxpT + (<usize>(b * GH) << 2);
        const outH = dhpT + (<usize>(b * GH) << 2);
        let j = 0;
        for (; j + 4 <= H; j += 4) gruBackward(H, row, out, outH, j, b * H + j, dh, dT, hP, hnT, first, false);
        for (; j < H; j++) gruBackward(H, row, out, outH, j, b * H + j, dh, dT, hP, hnT, first, true);
      }
      if (!first) {
        matmul(dhpT, GH, wht, H, carryH, H, B, GH, H, false);
        // The direct path h_t = … + z⊙h₋.
        for (let b = 0; b < B; b++) {
          const row = sT + (<usize>(b * GH) << 2);
          const cb = carryH + (<usize>(b * H) << 2);
          const db = dh + (<usize>(b * H) << 2);
          const zb = row + (<usize>H << 2);
          let j = 0;
          for (; j + 4 <= H; j += 4) {
            const o: usize = <usize>j << 2;
            v128.store(cb + o, f32x4.add(v128.load(cb + o), f32x4.mul(v128.load(db + o), v128.load(zb + o))));
          }
          for (; j < H; j++) st(cb, j, ld(cb, j) + ld(db, j) * ld(zb, j));
        }
      }
    }
    if (!first) {
      haveCarry = true;
      carryLog = L;
      if (rescale) {
        let m = maxAbs(carryH, BH, 0);
        if (cell == LSTM) m = maxAbs(carryC, BH, m);
        if (m < TINY) m = TINY;
        if (m == m && m != Infinity) {
          const inv: f64 = 1 / m;
          for (let i = 0; i < BH; i++) st(carryH, i, <f32>(<f64>ld(carryH, i) * inv));
          if (cell == LSTM) for (let i = 0; i < BH; i++) st(carryC, i, <f32>(<f64>ld(carryC, i) * inv));
          carryLog = L + Math.log(m);
        }
      }
    }
  }
}

/**
 * C[M, N] += Σ_t A_tᵀ · W_t over steps t = 1 … T−1 for batch rows [b0, b0 + B) of `rows`: A_t = step t−1's rows
 * of A [T·rows, M], W_t = step t's rows of W [T·rows, N]. The recurrent weights' gradient, h₋ᵀ·∂L/∂(h₋·Wh),
 * of one slice (h_0 = 0 adds nothing). Blocks of 4 rows × 8 columns of C stay in registers over the slice.
 */
export function gradRecurrent(T: i32, rows: i32, b0: i32, B: i32, A: usize, M: i32, W: usize, N: i32, C: usize): void {
  for (let t = 1; t < T; t++) {
    const a = A + (<usize>(((t - 1) * rows + b0) * M) << 2);
    const w = W + (<usize>((t * rows + b0) * N) << 2);
    matmulTA(a, M, w, N, C, N, M, B, N);
  }
}

/**
 * One slice's share of the input weights' and biases' gradients: C[M, N] += Σ_t A_tᵀ · W_t over every step
 * (A = the layer's input [T·rows, M], W = ∂L/∂(input projection) [T·rows, N]), and colSum[N] += Σ W_t rows.
 */
export function gradInput(T: i32, rows: i32, b0: i32, B: i32, A: usize, M: i32, W: usize, N: i32, C: usize, colSum: usize): void {
  for (let t = 0; t < T; t++) {
    const r0 = t * rows + b0;
    const w = W + (<usize>(r0 * N) << 2);
    matmulTA(A + (<usize>(r0 * M) << 2), M, w, N, C, N, M, B, N);
    addColumns(w, N, B, colSum);
  }
}

/** out[N] += Σ over B rows of W [B, N] (row stride N). */
export function addColumns(W: usize, N: i32, B: i32, out: usize): void {
  for (let b = 0; b < B; b++) {
    const w = W + (<usize>(b * N) << 2);
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      const o: usize = <usize>j << 2;
      v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(w + o)));
    }
    for (; j < N; j++) st(out, j, ld(out, j) + ld(w, j));
  }
}

/**
 * The input projection of one slice for every step: xp rows = bias + input rows · Wx (input [T·rows, M],
 * Wx [M, N], bias [N], xp [T·rows, N]), so the forward's first product runs on the kernel's threads too.
 */
export function project(T: i32, rows: i32, b0: i32, B: i32, A: usize, M: i32, wx: usize, bias: usize, N: i32, xp: usize): void {
  for (let t = 0; t < T; t++) {
    const r0 = t * rows + b0;
    const out = xp + (<usize>(r0 * N) << 2);
    for (let b = 0; b < B; b++) memory.copy(out + (<usize>(b * N) << 2), bias, <usize>N << 2);
    matmul(A + (<usize>(r0 * M) << 2), M, wx, N, out, N, B, M, N, true);
  }
}

/** C[M, N] += Aᵀ·W for A [K, M] (row stride lda), W [K, N] (ldw): matmul with A read down its columns. */
function matmulTA(A: usize, lda: i32, W: usize, ldw: i32, C: usize, ldc: i32, M: i32, K: i32, N: i32): void {
  const aStride: usize = <usize>lda << 2;
  const wStride: usize = <usize>ldw << 2;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const ai = A + (<usize>i << 2);
    const c0 = C + (<usize>(i * ldc) << 2);
    const c1 = c0 + (<usize>ldc << 2);
    const c2 = c1 + (<usize>ldc << 2);
    const c3 = c2 + (<usize>ldc << 2);
    let j = 0;
    for (; j + 8 <= N; j += 8) {
      const o: usize = <usize>j << 2;
      let x00 = v128.load(c0 + o), x01 = v128.load(c0 + o, 16);
      let x10 = v128.load(c1 + o), x11 = v128.load(c1 + o, 16);
      let x20 = v128.load(c2 + o), x21 = v128.load(c2 + o, 16);
      let x30 = v128.load(c3 + o), x31 = v128.load(c3 + o, 16);
      let w = W + o;
      let a = ai;
      for (let k = 0; k < K; k++) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        const s0 = f32x4.splat(load<f32>(a));
        x00 = f32x4.add(x00, f32x4.mul(s0, w0));
        x01 = f32x4.add(x01, f32x4.mul(s0, w1));
        const s1 = f32x4.splat(load<f32>(a, 4));
        x10 = f32x4.add(x10, f32x4.mul(s1, w0));
        x11 = f32x4.add(x11, f32x4.mul(s1, w1));
        const s2 = f32x4.splat(load<f32>(a, 8));
        x20 = f32x4.add(x20, f32x4.mul(s2, w0));
        x21 = f32x4.add(x21, f32x4.mul(s2, w1));
        const s3 = f32x4.splat(load<f32>(a, 12));
        x30 = f32x4.add(x30, f32x4.mul(s3, w0));
        x31 = f32x4.add(x31, f32x4.mul(s3, w1));
        w += wStride;
        a += aStride;
      }
      v128.store(c0 + o, x00); v128.store(c0 + o, x01, 16);
      v128.store(c1 + o, x10); v128.store(c1 + o, x11, 16);
      v128.store(c2 + o, x20); v128.store(c2 + o, x21, 16);
      v128.store(c3 + o, x30); v128.store(c3 + o, x31, 16);
    }
    for (; j < N; j++) {
      let y0 = ld(c0, j), y1 = ld(c1, j), y2 = ld(c2, j), y3 = ld(c3, j);
      for (let k = 0; k < K; k++) {
        const wk = ld(W, k * ldw + j);
        const a = ai + (<usize>k * aStride);
        y0 += load<f32>(a) * wk;
        y1 += load<f32>(a, 4) * wk;
        y2 += load<f32>(a, 8) * wk;
        y3 += load<f32>(a, 12) * wk;
      }
      st(c0, j, y0); st(c1, j, y1); st(c2, j, y2); st(c3, j, y3);
    }
  }
  for (; i < M; i++) {
    const c0 = C + (<usize>(i * ldc) << 2);
    for (let j = 0; j < N; j++) {
      let y = ld(c0, j);
      for (let k = 0; k < K; k++) y += ld(A, k * lda + i) * ld(W, k * ldw + j);
      st(c0, j, y);
    }
  }
}

/** How many of p[0, n) have |·| < threshold (the saturation probe), four lanes at a time. */
export function countBelow(p: usize, n: i32, threshold: f64): i32 {
  // Exactly the float64 comparison: no float32 lies between threshold and its nearest float32 t, so
  // |x| < threshold is |x| ≤ t when t rounded down, |x| < t otherwise.
  const t = <f32>threshold;
  const le = <f64>t < threshold;
  const thr = f32x4.splat(t);
  let acc = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = f32x4.abs(v128.load(p + (<usize>i << 2)));
    acc = i32x4.sub(acc, le ? f32x4.le(a, thr) : f32x4.lt(a, thr));
  }
  let c = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3);
  for (; i < n; i++) if (<f64>Mathf.abs(ld(p, i)) < threshold) c++;
  return c;
}
