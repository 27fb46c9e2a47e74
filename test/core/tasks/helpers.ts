import { expect } from 'vitest';
import type { Batch, TaskInstance } from '../../../core/tasks';

/** Every byte of a batch (inputs, targets, mask), for exact comparisons. */
export function batchBytes(batch: Batch): Buffer {
  const parts = [batch.x, batch.target.y, ...('mask' in batch.target && batch.target.mask ? [batch.target.mask] : [])];
  return Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
}

/** x[t][b][i] of a time-major batch. */
export function xAt(batch: Batch, t: number, b: number, i = 0): number {
  return batch.x[(t * batch.B + b) * batch.inputSize + i]!;
}

/** The batch agrees with the task's declared shape. */
export function expectShape(task: TaskInstance, batch: Batch, B: number): void {
  expect(batch.T).toBe(task.seqLen);
  expect(batch.B).toBe(B);
  expect(batch.inputSize).toBe(task.inputSize);
  expect(batch.x).toHaveLength(task.seqLen * B * task.inputSize);
  expect(batch.target.kind).toBe(task.lossKind);
  const T = task.seqLen;
  const expected = { mse_last: B * task.outputSize, mse_all: T * B * task.outputSize, xent_last: B, xent_all: T * B }[
    task.lossKind
  ];
  expect(batch.target.y).toHaveLength(expected);
  for (const v of batch.x) expect(Number.isFinite(v)).toBe(true);
}
