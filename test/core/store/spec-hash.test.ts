import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { canonicalJson, specHash } from '../../../core/store';

describe('spec hash', () => {
  it('is the same for a spec written out in full and for its defaults', () => {
    expect(specHash({})).toBe(specHash(ExperimentSpecSchema.parse({})));
    expect(specHash({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores name and seed, so repetitions group', () => {
    expect(specHash({ name: 'a', train: { seed: 1 } })).toBe(specHash({ name: 'b', train: { seed: 99 } }));
  });

  it('ignores key order and changes with any hyper-parameter', () => {
    const a = specHash({ train: { lr: 0.01, batch: 8 }, model: { hidden: 32 } });
    const b = specHash({ model: { hidden: 32 }, train: { batch: 8, lr: 0.01 } });
    expect(a).toBe(b);
    expect(specHash({ train: { lr: 0.02 } })).not.toBe(specHash({ train: { lr: 0.01 } }));
    expect(specHash({ model: { init: { recurrent: 'identity' } } })).not.toBe(specHash({}));
  });

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}',
    );
  });
});
