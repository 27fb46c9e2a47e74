import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { canonicalJson, specHash } from '../../../core/store';

describe('spec hash', () => {
  it('is the same for a spec written out in full and for its defaults', () => {
    expect(specHash(ExperimentSpecSchema.parse({}))).toBe(specHash(ExperimentSpecSchema.parse({})));
    expect(specHash(ExperimentSpecSchema.parse({}))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores name and seed, so repetitions group', () => {
    expect(specHash(ExperimentSpecSchema.parse({ name: 'a', train: { seed: 1 } }))).toBe(
      specHash(ExperimentSpecSchema.parse({ name: 'b', train: { seed: 99 } })),
    );
  });

  it('ignores key order and changes with any hyper-parameter', () => {
    const a = specHash(ExperimentSpecSchema.parse({ train: { lr: 0.01, batch: 8 }, model: { hidden: 32 } }));
    const b = specHash(ExperimentSpecSchema.parse({ model: { hidden: 32 }, train: { batch: 8, lr: 0.01 } }));
    expect(a).toBe(b);
    expect(specHash(ExperimentSpecSchema.parse({ train: { lr: 0.02 } }))).not.toBe(
      specHash(ExperimentSpecSchema.parse({ train: { lr: 0.01 } })),
    );
    expect(specHash(ExperimentSpecSchema.parse({ model: { init: { recurrent: 'identity' } } }))).not.toBe(
      specHash(ExperimentSpecSchema.parse({})),
    );
  });

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}',
    );
  });
});
