/**
 * Checks every registered initialiser and optimizer gets because it is registered (INITIALISER_DEFS,
 * OPTIMIZER_DEFS): a new entry is tested the moment it is added.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIALISER_DEFS } from '../../../core/engine/initialisers';
import { OPTIMIZER_DEFS } from '../../../core/engine/optimizers';
import { createRng } from '../../../core/engine/rng';
import { tf } from '../../../core/engine/tf';
import { useBackend } from './setup';

describe.each(Object.values(INITIALISER_DEFS))('initialiser $name', (def) => {
  const fill = (seed: number) => def.fill(8, 8, { rng: createRng(seed), gain: 1, std: 0.1 });
  it('fills a square block with finite, not all equal values, the same for the same seed', () => {
    const a = fill(7);
    expect(a).toHaveLength(64);
    expect([...a].every(Number.isFinite)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(1);
    expect([...fill(7)]).toEqual([...a]);
  });
  it.runIf(!def.squareOnly)('fills a non-square block too', () => {
    expect([...def.fill(3, 5, { rng: createRng(1), gain: 1, std: 0.1 })].every(Number.isFinite)).toBe(true);
  });
});

describe('every registered optimizer', () => {
  beforeAll(async () => {
    await useBackend();
  });
  it.each(Object.values(OPTIMIZER_DEFS))('$name descends f(p) = ½‖p‖² (gradient p) from p = 1', (def) => {
    let p = tf.tensor1d([1, -2, 0.5]) as tf.Tensor;
    let slots = def.slots.map(() => tf.zerosLike(p));
    const f0 = 0.5 * (1 + 4 + 0.25);
    for (let step = 1; step <= 50; step++) {
      const g = p.clone();
      const out = def.update(p, g, slots, 0.05, step);
      g.dispose();
      p.dispose();
      slots.forEach((s) => s.dispose());
      p = out.p;
      slots = out.slots;
    }
    const v = Array.from(p.dataSync());
    p.dispose();
    slots.forEach((s) => s.dispose());
    const f = 0.5 * v.reduce((a, x) => a + x * x, 0);
    expect(Number.isFinite(f)).toBe(true);
    expect(f).toBeLessThan(0.5 * f0);
  });
});
