import { describe, expect, it } from 'vitest';
import { createTask } from '../../../core/tasks';
import { expectShape, xAt } from './helpers';

describe('latch task', () => {
  it('asks for the class of the one-hot first input at the last step', () => {
    const task = createTask({ kind: 'latch', seqLen: 20, classes: 5 }, 4);
    expect(task).toMatchObject({ seqLen: 20, inputSize: 5, outputSize: 5, lossKind: 'xent_last', hasAccuracy: true });
    const B = 200;
    const batch = task.trainBatch(9, B);
    expectShape(task, batch, B);
    const seen = new Set<number>();
    for (let b = 0; b < B; b++) {
      const first = Array.from({ length: 5 }, (_, i) => xAt(batch, 0, b, i));
      expect(first.filter((v) => v === 1)).toHaveLength(1);
      expect(first.filter((v) => v === 0)).toHaveLength(4);
      expect(first.indexOf(1)).toBe(batch.target.y[b]);
      seen.add(batch.target.y[b]!);
      for (let t = 1; t < 20; t++) for (let i = 0; i < 5; i++) expect(xAt(batch, t, b, i)).toBe(0);
    }
    expect(seen.size).toBe(5);
  });

  it('has the chance baseline ln(classes)', () => {
    expect(createTask({ kind: 'latch', seqLen: 5, classes: 2 }, 1).baseline?.value).toBeCloseTo(Math.log(2), 12);
    expect(createTask({ kind: 'latch', seqLen: 5, classes: 10 }, 1).baseline?.value).toBeCloseTo(Math.log(10), 12);
  });
});
