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

@inline function sigmoid(a: f32): f32 {
  return <f32>1 / (<f32>1 + Mathf.exp(-a));
}

@inline function act(a: f32, k: i32): f32 {
  if (k == TANH) return Mathf.tanh(a);
  if (k == SIGMOID) return sigmoid(a);
  if (k == RELU) return a < 0 ? <f32>0 : a;
  if (k == LEAKY) return a < 0 ? a * LEAKY_SLOPE : a;
  if (k == ELU) return a < 0 ? Mathf.exp(a) - <f32>1 : a;
  return a;
}

/** f'(a) from y = f(a). */
@inline function deriv(y: f32, k: i32): f32 {
  if (k == TANH) return <f32>1 - y * y;
  if (k == SIGMOID) return y * (<f32>1 - y);
  if (k == RELU) return y > 0 ? <f32>1 : <f32>0;
  if (k == LEAKY) return y > 0 ? <f32>1 : LEAKY_SLOPE;
  if (k == ELU) return y < 0 ? y + <f32>1 : <f32>1;
  return 1;
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
      for (let i = 0; i < BH; i++) {
        const y = act(ld(hT, i), k);
        st(hT, i, y);
        st(dT, i, deriv(y, k));
      }
    } else if (cell == LSTM) {
      const sT = s + (<usize>(r0 * GH) << 2);
      const cT = c + (<usize>(r0 * H) << 2);
      const cP = cT - (<usize>RH << 2);
      const fcT = fc + (<usize>(r0 * H) << 2);
      memory.copy(sT, xpT, <usize>BGH << 2);
      if (t > 0) matmul(hP, H, wh, GH, sT, GH, B, H, GH, true);
      for (let b = 0; b < B; b++) {
        const row = sT + (<usize>(b * GH) << 2);
        for (let j = 0; j < H; j++) {
          const si = sigmoid(ld(row, j));
          const sf = sigmoid(ld(row, H + j));
          const g = act(ld(row, 2 * H + j), k);
          const so = sigmoid(ld(row, 3 * H + j));
          st(row, j, si);
          st(row, H + j, sf);
          st(row, 2 * H + j, g);
          st(row, 3 * H + j, so);
          const n = b * H + j;
          st(dT, n, deriv(g, k));
          const cv = t > 0 ? sf * ld(cP, n) + si * g : si * g;
          st(cT, n, cv);
          const f = act(cv, k);
          st(fcT, n, f);
          st(hT, n, so * f);
        }
      }
    } else {
      const sT = s + (<usize>(r0 * GH) << 2);
      const hnT = hn + (<usize>(r0 * H) << 2);
      for (let b = 0; b < B; b++) memory.copy(scratch + (<usize>(b * GH) << 2), bh, <usize>GH << 2);
      if (t > 0) matmul(hP, H, wh, GH, scratch, GH, B, H, GH, true);
      for (let b = 0; b < B; b++) {
        const x = xpT + (<usize>(b * GH) << 2);
        const p = scratch + (<usize>(b * GH) << 2);
        const row = sT + (<usize>(b * GH) << 2);
        for (let j = 0; j < H; j++) {
          const r = sigmoid(ld(x, j) + ld(p, j));
          const z = sigmoid(ld(x, H + j) + ld(p, H + j));
          const hnv = ld(p, 2 * H + j);
          const n = act(ld(x, 2 * H + j) + r * hnv, k);
          const o = b * H + j;
          st(row, j, r);
          st(row, H + j, z);
          st(row, 2 * H + j, n);
          st(hnT, o, hnv);
          st(dT, o, deriv(n, k));
          st(hT, o, t > 0 ? n + z * (ld(hP, o) - n) : n - z * n);
        }
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
  let s: f64 = 0;
  for (let i = 0; i < n; i++) {
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
      for (let i = 0; i < BH; i++) {
        st(dh, i, haveCarry ? ld(extT, i) + ld(carryH, i) : ld(extT, i));
        if (cell == LSTM) st(dc, i, haveCarry ? ld(carryC, i) : 0);
      }
    }
    store<f64>(logs + (<usize>t << 3), L);
    store<f64>(hNorm + (<usize>t << 3), Math.sqrt(sumSq(dh, BH)) * Math.exp(L));
    const first = t == 0;
    if (cell == RNN) {
      for (let i = 0; i < BH; i++) st(dxpT, i, ld(dh, i) * ld(dT, i));
      if (!first) matmul(dxpT, H, wht, H, carryH, H, B, H, H, false);
    } else if (cell == LSTM) {
      const sT = s + (<usize>(r0 * GH) << 2);
      const cP = c + (<usize>((r0 - rows) * H) << 2);
      const fcT = fc + (<usize>(r0 * H) << 2);
      for (let b = 0; b < B; b++) {
        const row = sT + (<usize>(b * GH) << 2);
        const out = dxpT + (<usize>(b * GH) << 2);
        for (let j = 0; j < H; j++) {
          const n = b * H + j;
          const si = ld(row, j);
          const sf = ld(row, H + j);
          const g = ld(row, 2 * H + j);
          const so = ld(row, 3 * H + j);
          const f = ld(fcT, n);
          const dhv = ld(dh, n);
          const dcv = ld(dc, n) + dhv * so * deriv(f, k);
          st(dc, n, dcv);
          st(out, j, dcv * g * si * (<f32>1 - si));
          st(out, H + j, first ? <f32>0 : dcv * ld(cP, n) * sf * (<f32>1 - sf));
          st(out, 2 * H + j, dcv * si * ld(dT, n));
          st(out, 3 * H + j, dhv * f * so * (<f32>1 - so));
          if (!first) st(carryC, n, dcv * sf);
        }
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
        for (let j = 0; j < H; j++) {
          const n = b * H + j;
          const r = ld(row, j);
          const z = ld(row, H + j);
          const nv = ld(row, 2 * H + j);
          const dhv = ld(dh, n);
          const dan = dhv * (<f32>1 - z) * ld(dT, n);
          const hp: f32 = first ? 0 : ld(hP, n);
          const daz = dhv * (hp - nv) * z * (<f32>1 - z);
          const dar = dan * ld(hnT, n) * r * (<f32>1 - r);
          st(out, j, dar);
          st(out, H + j, daz);
          st(out, 2 * H + j, dan);
          st(outH, j, dar);
          st(outH, H + j, daz);
          st(outH, 2 * H + j, dan * r);
        }
      }
      if (!first) {
        matmul(dhpT, GH, wht, H, carryH, H, B, GH, H, false);
        // The direct path h_t = … + z⊙h₋.
        for (let b = 0; b < B; b++) {
          const row = sT + (<usize>(b * GH) << 2);
          for (let j = 0; j < H; j++) {
            const n = b * H + j;
            st(carryH, n, ld(carryH, n) + ld(dh, n) * ld(row, H + j));
          }
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
