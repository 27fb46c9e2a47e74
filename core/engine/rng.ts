/**
 * Seeded randomness for weight initialisation, independent of the backend so that a seed gives the same
 * initial weights everywhere: mulberry32 streams behind the one `Rng` interface of core/tasks/rng.ts.
 */
import { rngFrom, type Rng } from '../tasks/rng';

export function createRng(seed: number, stream = 0): Rng {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
  const raw = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const base = rngFrom(raw);
  // The weights' Box–Muller draws u from (0, 1) by rejection rather than as 1 − u: kept as it was, so a
  // stored run's seed still gives its recorded initial weights.
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u <= Number.MIN_VALUE) u = base.next();
    const v = base.next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { ...base, normal };
}
