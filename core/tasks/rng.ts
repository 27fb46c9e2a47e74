/**
 * Deterministic randomness for tasks (and for the engine, which may reuse it).
 *
 * - `sfc32` (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, as in PractRand) is the
 *   generator; its state is filled from a 32-bit seed by `splitmix32` and warmed up.
 * - `hashSeed` derives independent seeds from (seed, stream, step, …) with MurmurHash3 (x86, 32-bit) over
 *   32-bit words, so a batch is a pure function of its coordinates, not of how many batches came before.
 * - Gaussians come from the Box–Muller transform (one spare value is kept).
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (unbiased, by rejection). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(0, 1) via Box–Muller. */
  normal(): number;
}

const TWO_32 = 4294967296;

/** splitmix32: a good 32-bit mixer, used to expand one seed into sfc32's four state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The raw sfc32 generator: returns uint32 values. */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_32) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${String(seed)}`);
  }
  return seed;
}

/** A seeded generator: same seed → same sequence, on every platform. */
export function makeRng(seed: number): Rng {
  const mix = splitmix32(checkSeed(seed));
  const raw = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) raw();
  return rngFrom(raw);
}

/** The Rng methods over any source of uniform 32-bit words: one implementation for every generator. */
export function rngFrom(raw: () => number): Rng {
  let spare: number | null = null;
  const next = (): number => raw() / TWO_32;
  return {
    next,
    uint32: raw,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32)
        throw new RangeError(`int(n) needs an integer 1 ≤ n ≤ 2^32, got ${n}`);
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const v = raw();
        if (v < limit) return v % n;
      }
    },
    uniform(lo: number, hi: number): number {
      return lo + (hi - lo) * next();
    },
    normal(): number {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      const u1 = 1 - next(); // (0, 1]: log is finite
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
  };
}

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * MurmurHash3 (x86, 32-bit) of a list of non-negative integers, each split into 32-bit words (values up to
 * 2^53 keep their high word). Used to derive per-stream, per-step seeds: `makeRng(hashSeed(seed, stream, step))`.
 */
export function hashSeed(...values: number[]): number {
  let h = 0x811c9dc5;
  let len = 0;
  const mixWord = (w: number): void => {
    let k = Math.imul(w >>> 0, 0xcc9e2d51);
    k = rotl32(k, 15);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = rotl32(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    len += 4;
  };
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`hashSeed takes non-negative safe integers, got ${String(v)}`);
    mixWord(v % TWO_32);
    mixWord(Math.floor(v / TWO_32));
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
