import { describe, expect, it } from 'vitest';
import { SweepGroupSchema, ExperimentSpecSchema } from '../../../core/api';
import { openStore, steppingClock, tempPath } from './helpers';

describe('sweeps', () => {
  it('groups runs by spec hash across seeds, with per-step mean, std, min, max and a label', () => {
    const s = openStore(tempPath(), { now: steppingClock().now });
    const sweep = s.createSweep({
      name: 'lr × cell',
      base: ExperimentSpecSchema.parse({ name: 'base' }),
      grid: { 'train.lr': [0.1, 0.01], 'model.cell': ['rnn'], 'train.seed': [1, 2, 3] },
    });
    expect(s.getSweep(sweep.id)).toMatchObject({ name: 'lr × cell', grid: { 'train.lr': [0.1, 0.01] } });
    const losses: Record<number, number[]> = { 1: [1, 2, 3], 2: [3, 4, 5], 3: [5, 6, 7] };
    for (const lr of [0.1, 0.01]) {
      for (const seed of [1, 2, 3]) {
        const r = s.createRun({
          spec: ExperimentSpecSchema.parse({ name: `lr ${lr} seed ${seed}`, train: { lr, seed } }),
          sweepId: sweep.id,
        });
        // Seed 3 of lr 0.01 stopped after two steps.
        const n = lr === 0.01 && seed === 3 ? 2 : 3;
        s.appendPoints(
          r.id,
          losses[seed]!.slice(0, n).map((v, step) => ({
            metric: 'loss',
            step,
            value: lr === 0.1 ? v : v * 10,
            wallMs: step,
          })),
        );
      }
    }
    const groups = s.sweepSummary(sweep.id, 'loss');
    expect(groups).toHaveLength(2);
    for (const g of groups) SweepGroupSchema.parse(g);
    expect(groups.map((g) => g.label)).toEqual(['train.lr=0.1', 'train.lr=0.01']);
    const [a, b] = groups;
    expect(a!.runIds).toHaveLength(3);
    expect(a!.step).toEqual([0, 1, 2]);
    expect(a!.mean).toEqual([3, 4, 5]);
    expect(a!.std).toEqual([2, 2, 2]);
    expect(a!.min).toEqual([1, 2, 3]);
    expect(a!.max).toEqual([5, 6, 7]);
    expect(b!.mean).toEqual([30, 40, 40]);
    expect(b!.std[2]).toBe(Math.SQRT2 * 10);
    expect(b!.min[2]).toBe(30);
  });

  it('propagates divergence: NaN makes the step NaN, +Inf makes the mean +Inf', () => {
    const s = openStore();
    const sweep = s.createSweep({ base: ExperimentSpecSchema.parse({}), grid: { 'train.seed': [1, 2] } });
    const values = [
      [1, Number.NaN, Number.POSITIVE_INFINITY],
      [3, 2, 2],
    ];
    values.forEach((vals, i) => {
      const r = s.createRun({ spec: ExperimentSpecSchema.parse({ train: { seed: i + 1 } }), sweepId: sweep.id });
      s.appendPoints(
        r.id,
        vals.map((value, step) => ({ metric: 'loss', step, value, wallMs: 0 })),
      );
    });
    const [g] = s.sweepSummary(sweep.id);
    expect(g!.label).toBe('all runs');
    expect(g!.mean[0]).toBe(2);
    expect(g!.mean[1]).toBeNaN();
    expect(g!.mean[2]).toBe(Number.POSITIVE_INFINITY);
    expect(g!.max[2]).toBe(Number.POSITIVE_INFINITY);
    expect(g!.min[2]).toBe(2);
    expect(g!.std[2]).toBeNaN();
  });

  it('an unknown sweep is not_found; deleting a sweep keeps its runs', () => {
    const s = openStore();
    expect(() => s.sweepSummary('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    const sweep = s.createSweep({ base: ExperimentSpecSchema.parse({}), grid: { 'train.lr': [0.1] } });
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}), sweepId: sweep.id });
    s.deleteSweep(sweep.id);
    expect(s.getRun(r.id).sweepId).toBeNull();
  });
});
