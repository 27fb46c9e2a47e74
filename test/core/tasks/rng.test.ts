import { describe, expect, it } from 'vitest';
import { hashSeed, makeRng, permutation } from '../../../core/tasks/rng';

describe('makeRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const c = makeRng(43);
    const sa = Array.from({ length: 100 }, () => a.uint32());
    expect(Array.from({ length: 100 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 100 }, () => c.uint32())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = makeRng(7);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      s += u;
      s2 += u * u;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals (Box–Muller)', () => {
    const rng = makeRng(8);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let s4 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
      s4 += z ** 4;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(s2 / n).toBeCloseTo(1, 1);
    expect(s4 / n).toBeCloseTo(3, 0); // kurtosis of a Gaussian
  });

  it('draws every integer of [0, n) about equally often', () => {
    const rng = makeRng(9);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('rejects seeds that are not 32-bit unsigned integers', () => {
    expect(() => makeRng(-1)).toThrow(RangeError);
    expect(() => makeRng(1.5)).toThrow(RangeError);
    expect(() => makeRng(2 ** 32)).toThrow(RangeError);
  });
});

describe('hashSeed', () => {
  it('is deterministic and sensitive to every argument and to their order', () => {
    expect(hashSeed(1, 2, 3)).toBe(hashSeed(1, 2, 3));
    const seen = new Set([
      hashSeed(1, 2, 3),
      hashSeed(1, 2, 4),
      hashSeed(1, 3, 3),
      hashSeed(2, 2, 3),
      hashSeed(3, 2, 1),
      hashSeed(1, 2),
      hashSeed(1, 2, 3 + 2 ** 32),
    ]);
    expect(seen.size).toBe(7);
  });

  it('spreads consecutive steps over the 32-bit range', () => {
    const hs = Array.from({ length: 10_000 }, (_, s) => hashSeed(1, 1, s));
    expect(new Set(hs).size).toBe(10_000);
    const mean = hs.reduce((a, h) => a + h / 2 ** 32, 0) / hs.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});

describe('permutation', () => {
  it('is a seeded permutation of 0..n-1', () => {
    const p = permutation(1000, makeRng(3));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(permutation(1000, makeRng(3))).toEqual(p);
    expect(permutation(1000, makeRng(4))).not.toEqual(p);
  });
});
