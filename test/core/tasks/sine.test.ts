import { describe, expect, it } from 'vitest';
import { createTask } from '../../../core/tasks';
import { expectShape, xAt } from './helpers';

describe('sine task', () => {
  it('asks for the next value of a sine wave on every step', () => {
    const T = 40;
    const task = createTask({ kind: 'sine', seqLen: T }, 6);
    expect(task).toMatchObject({ seqLen: T, inputSize: 1, outputSize: 1, lossKind: 'mse_all', hasAccuracy: false });
    const B = 32;
    const batch = task.trainBatch(0, B);
    expectShape(task, batch, B);
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T - 1; t++) expect(batch.target.y[t * B + b]).toBe(xAt(batch, t + 1, b));
      // A sine: x_{t+1} + x_{t-1} = 2·cos(ω)·x_t, with one ω ∈ [0.1, 1) for the whole sequence.
      let num = 0;
      let den = 0;
      for (let t = 1; t < T - 1; t++) {
        num += xAt(batch, t, b) * (xAt(batch, t + 1, b) + xAt(batch, t - 1, b));
        den += xAt(batch, t, b) ** 2;
      }
      const k = num / den;
      expect(k / 2).toBeLessThanOrEqual(Math.cos(0.1) + 1e-5);
      expect(k / 2).toBeGreaterThan(Math.cos(1) - 1e-5);
      for (let t = 1; t < T - 1; t++)
        expect(xAt(batch, t + 1, b) + xAt(batch, t - 1, b)).toBeCloseTo(k * xAt(batch, t, b), 5);
      for (let t = 0; t < T; t++) expect(Math.abs(xAt(batch, t, b))).toBeLessThanOrEqual(1);
    }
  });

  it('has the predict-zero baseline 1/2, the mean square of the targets', () => {
    const task = createTask({ kind: 'sine', seqLen: 50 }, 12);
    expect(task.baseline?.value).toBe(0.5);
    let s = 0;
    let n = 0;
    for (let step = 0; step < 50; step++) {
      for (const y of task.trainBatch(step, 64).target.y) {
        s += y * y;
        n++;
      }
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.01);
  });
});
