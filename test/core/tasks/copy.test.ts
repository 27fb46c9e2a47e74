import { describe, expect, it } from 'vitest';
import { createTask } from '../../../core/tasks';
import { copyBaseline } from '../../../core/tasks/copy';
import { expectShape, xAt } from './helpers';

const classAt = (batch: ReturnType<ReturnType<typeof createTask>['trainBatch']>, t: number, b: number): number => {
  const hot: number[] = [];
  for (let i = 0; i < batch.inputSize; i++) if (xAt(batch, t, b, i) === 1) hot.push(i);
  const sum = Array.from({ length: batch.inputSize }, (_, i) => xAt(batch, t, b, i)).reduce((a, v) => a + v, 0);
  expect(sum).toBe(1);
  expect(hot).toHaveLength(1);
  return hot[0]!;
};

describe('copy task', () => {
  it('lays out symbols, blanks, the delimiter, and targets that reproduce the symbols', () => {
    const [T, S, K] = [12, 8, 10];
    const task = createTask({ kind: 'copy', seqLen: T, symbols: S, copyLength: K }, 3);
    const L = T + 2 * K;
    expect(task).toMatchObject({
      seqLen: L,
      inputSize: S + 2,
      outputSize: S + 2,
      lossKind: 'xent_all',
      hasAccuracy: true,
    });
    const B = 16;
    const batch = task.trainBatch(0, B);
    expectShape(task, batch, B);
    const blank = S;
    const delim = S + 1;
    for (let b = 0; b < B; b++) {
      const input = Array.from({ length: L }, (_, t) => classAt(batch, t, b));
      const target = Array.from({ length: L }, (_, t) => batch.target.y[t * B + b]!);
      const symbols = input.slice(0, K);
      for (const s of symbols) expect(s >= 0 && s < S).toBe(true);
      expect(input.slice(K, K + T - 1)).toEqual(new Array(T - 1).fill(blank));
      expect(input[K + T - 1]).toBe(delim);
      expect(input.slice(K + T)).toEqual(new Array(K).fill(blank));
      expect(target.slice(0, T + K)).toEqual(new Array(T + K).fill(blank));
      expect(target.slice(T + K)).toEqual(symbols);
    }
  });

  it('has the memoryless baseline K·ln S / (T + 2K) (10·ln 8 / (T + 20) by default)', () => {
    const task = createTask({ kind: 'copy', seqLen: 100, symbols: 8, copyLength: 10 }, 1);
    expect(task.baseline?.value).toBeCloseTo((10 * Math.log(8)) / 120, 12);
    expect(copyBaseline(50, 4, 3)).toBeCloseTo((3 * Math.log(4)) / 56, 12);
  });

  it('handles the shortest setting (one blank step, one symbol to copy)', () => {
    const task = createTask({ kind: 'copy', seqLen: 1, symbols: 2, copyLength: 1 }, 1);
    const batch = task.trainBatch(0, 4);
    expectShape(task, batch, 4);
    for (let b = 0; b < 4; b++) {
      expect(classAt(batch, 1, b)).toBe(3); // delimiter right after the symbol
      expect(batch.target.y[2 * 4 + b]).toBe(classAt(batch, 0, b));
    }
  });
});
