import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import type { GradientProfile } from '../../../core/api';
import { profileScalars } from '../../../core/store';
import { openStore, steps } from './helpers';

const profile = (step: number, horizon = 5): GradientProfile => ({
  step,
  layers: [
    {
      layer: 0,
      hNorms: [1e-300, 1e-8, Number.NaN, 1],
      jacobianNorms: [0.5, 2, 1, 1],
      jacobianBound: Number.POSITIVE_INFINITY,
      sigmaMax: 1.5,
      spectralRadius: Number.NaN,
      horizon,
      saturation: 0.25,
    },
    { layer: 1, hNorms: [0.1, 1], cNorms: [0.2, Number.NEGATIVE_INFINITY], horizon: 1 },
  ],
});

describe('gradient profiles', () => {
  it('round-trip exactly: blobs, NaN scalars, absent scalars stay absent', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.saveProfile(r.id, profile(10));
    const [got] = s.getProfiles(r.id);
    expect(got).toEqual(profile(10));
    expect(got!.layers[1]).not.toHaveProperty('saturation');
    expect(got!.layers[1]).not.toHaveProperty('jacobianNorms');
    expect(got!.layers[0]!.spectralRadius).toBeNaN();
  });

  it('returns all, the given steps, or the latest; replaces a profile saved twice at one step', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    for (const step of [10, 20, 30]) s.saveProfile(r.id, profile(step, step));
    s.saveProfile(r.id, profile(20, 99));
    expect(s.getProfiles(r.id).map((p) => [p.step, p.layers[0]!.horizon])).toEqual([
      [10, 10],
      [20, 99],
      [30, 30],
    ]);
    expect(s.getProfiles(r.id, { steps: [30, 10, 7] }).map((p) => p.step)).toEqual([10, 30]);
    expect(s.getProfiles(r.id, { latest: true }).map((p) => p.step)).toEqual([30]);
    expect(s.getProfiles(s.createRun({ spec: ExperimentSpecSchema.parse({}) }).id, { latest: true })).toEqual([]);
  });

  it('saveProfiles stores a batch exactly as one-by-one saves would, derived series included', () => {
    const one = openStore();
    const many = openStore();
    const a = one.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const b = many.createRun({ spec: ExperimentSpecSchema.parse({}) });
    one.appendSteps(a.id, steps(0, 600));
    many.appendSteps(b.id, steps(0, 600));
    const ps = Array.from({ length: 600 }, (_, i) => profile(i + 1, i % 7));
    for (const p of ps) one.saveProfile(a.id, p);
    many.saveProfiles(
      b.id,
      ps.map((profile) => ({ profile })),
    );
    expect(many.getProfiles(b.id)).toEqual(one.getProfiles(a.id));
    expect(many.getSeries(b.id)).toEqual(one.getSeries(a.id));
    // With the wall time given, no lookup: it is stored as given.
    many.saveProfiles(b.id, [{ profile: profile(601), wallMs: 12345 }]);
    const horizon = many.getSeries(b.id).find((x) => x.metric === 'horizon')!;
    expect(horizon.step.at(-1)).toBe(601);
    expect(horizon.wallMs.at(-1)).toBe(12345);
    expect(() => many.saveProfiles('nope', [{ profile: profile(1) }])).toThrow(/No run with id nope/);
  });

  it('max thins to evenly spaced probes, the first and the latest kept, within the steps asked for', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.saveProfiles(
      r.id,
      Array.from({ length: 101 }, (_, i) => ({ profile: profile(i * 10), wallMs: i })),
    );
    expect(s.getProfiles(r.id, { max: 5 }).map((p) => p.step)).toEqual([0, 250, 500, 750, 1000]);
    expect(s.getProfiles(r.id, { max: 1000 })).toHaveLength(101);
    expect(s.getProfiles(r.id, { max: 3, steps: [10, 20, 30, 40, 55] }).map((p) => p.step)).toEqual([10, 30, 40]);
    expect(s.getProfiles(r.id, { max: 1 }).map((p) => p.step)).toEqual([1000]);
  });

  it('derives scalar series at the probe step, with the wall time of that step', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(r.id, steps(0, 20));
    s.saveProfile(r.id, profile(10));
    const byName = Object.fromEntries(s.getSeries(r.id).map((x) => [x.metric, x]));
    expect(byName.horizon!.value).toEqual([5]);
    expect(byName.horizon!.wallMs).toEqual([125]);
    expect(byName.gradRatio!.value).toEqual([1e-300]);
    expect(byName.jacobianNorm!.value[0]).toBeCloseTo(1, 12);
    expect(byName.jacobianBound!.value).toEqual([Number.POSITIVE_INFINITY]);
    expect(byName.spectralRadius!.value[0]).toBeNaN();
    expect(byName['horizon:layer1']!.value).toEqual([1]);
    expect(byName['gradRatio:layer1']!.value).toEqual([0.1]);
    // Sort key for "horizon" follows the latest profile until the run reports a final one.
    expect(s.listRuns({ sort: 'horizon', order: 'desc', limit: 1, offset: 0 }).runs[0]!.id).toBe(r.id);
  });

  it('profileScalars names layer 0 plainly and deeper layers with a suffix', () => {
    expect(profileScalars(profile(1)).map((p) => p.metric)).toEqual([
      'horizon',
      'gradRatio',
      'jacobianNorm',
      'saturation',
      'sigmaMax',
      'spectralRadius',
      'jacobianBound',
      'horizon:layer1',
      'gradRatio:layer1',
    ]);
  });
});
