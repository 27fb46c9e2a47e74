import { describe, expect, it } from 'vitest';
import { createTask } from '../../../core/tasks';
import { expectShape, xAt } from './helpers';

describe('adding task', () => {
  for (const T of [2, 3, 100]) {
    it(`has one marker per half and targets equal to the marked sum (T = ${T})`, () => {
      const task = createTask({ kind: 'adding', seqLen: T }, 5);
      expect(task).toMatchObject({ seqLen: T, inputSize: 2, outputSize: 1, lossKind: 'mse_last', hasAccuracy: false });
      const B = 64;
      const batch = task.trainBatch(3, B);
      expectShape(task, batch, B);
      const half = Math.floor(T / 2);
      for (let b = 0; b < B; b++) {
        const marked: number[] = [];
        let first = 0;
        let second = 0;
        for (let t = 0; t < T; t++) {
          const v = xAt(batch, t, b, 0);
          const m = xAt(batch, t, b, 1);
          expect(v >= 0 && v <= 1).toBe(true);
          expect(m === 0 || m === 1).toBe(true);
          if (m === 1) {
            marked.push(v);
            if (t < half) first++;
            else second++;
          }
        }
        expect([first, second]).toEqual([1, 1]);
        expect(batch.target.y[b]).toBeCloseTo(marked[0]! + marked[1]!, 6);
      }
    });
  }

  it('has the 1/6 baseline, and predicting the mean scores it on many batches', () => {
    const task = createTask({ kind: 'adding', seqLen: 50 }, 11);
    expect(task.baseline?.value).toBeCloseTo(1 / 6, 12);
    let se = 0;
    let n = 0;
    for (let step = 0; step < 200; step++) {
      for (const y of task.trainBatch(step, 100).target.y) {
        se += (y - 1) ** 2;
        n++;
      }
    }
    expect(Math.abs(se / n - 1 / 6)).toBeLessThan(0.006);
  });

  it('places markers uniformly within each half', () => {
    const T = 10;
    const task = createTask({ kind: 'adding', seqLen: T }, 2);
    const counts = new Array<number>(T).fill(0);
    const batch = task.trainBatch(0, 20_000);
    for (let b = 0; b < batch.B; b++) for (let t = 0; t < T; t++) counts[t]! += xAt(batch, t, b, 1);
    for (const c of counts) expect(Math.abs(c - 4000)).toBeLessThan(300);
  });
});
