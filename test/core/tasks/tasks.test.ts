/** Properties every task shares: registry, shapes, determinism, separate streams. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LabError } from '../../../core/api/errors';
import type { TaskSpec } from '../../../core/api/spec';
import { TASK_KINDS } from '../../../core/api/spec';
import { createTask, TASKS } from '../../../core/tasks';
import { batchBytes, expectShape } from './helpers';

const SPECS: Record<TaskSpec['kind'], TaskSpec> = {
  adding: { kind: 'adding', seqLen: 30 },
  copy: { kind: 'copy', seqLen: 10, symbols: 8, copyLength: 5 },
  latch: { kind: 'latch', seqLen: 15, classes: 4 },
  smnist: { kind: 'smnist', mode: 'row', permuted: true },
  sine: { kind: 'sine', seqLen: 25 },
  csv: { kind: 'csv', path: join(__dirname, '../../fixtures/csv/regression.csv') },
};

describe('task registry', () => {
  it('has one record per task kind, each under its own name', () => {
    expect(Object.keys(TASKS).sort()).toEqual([...TASK_KINDS].sort());
    for (const [kind, def] of Object.entries(TASKS)) expect(def.kind).toBe(kind);
  });

  it('fills defaults and rejects invalid specs with field issues', () => {
    expect(createTask({ kind: 'adding' } as TaskSpec, 1).seqLen).toBe(100);
    const e = (() => {
      try {
        createTask({ kind: 'adding', seqLen: 1 }, 1);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(LabError);
    expect((e as LabError).code).toBe('invalid_argument');
    expect((e as LabError).issues[0]?.path).toBe('task.seqLen');
  });

  it('rejects bad seeds, steps and batch sizes', () => {
    expect(() => createTask(SPECS.adding, -1)).toThrow(LabError);
    expect(() => createTask(SPECS.adding, 0.5)).toThrow(LabError);
    const task = createTask(SPECS.adding, 0);
    expect(() => task.trainBatch(-1, 4)).toThrow(LabError);
    expect(() => task.trainBatch(1.5, 4)).toThrow(LabError);
    expect(() => task.trainBatch(0, 0)).toThrow(LabError);
    expect(() => task.heldoutBatch(2.5)).toThrow(LabError);
  });
});

describe.each(Object.values(SPECS))('$kind task', (spec) => {
  const B = 6;

  it('declares shapes its batches obey, with finite inputs', () => {
    const task = createTask(spec, 1);
    expect(task.kind).toBe(spec.kind);
    for (const batch of [task.trainBatch(0, B), task.heldoutBatch(B), task.probeBatch(B)]) expectShape(task, batch, B);
    expect(task.baseline === null || task.baseline.value > 0).toBe(true);
  });

  it('same seed and step → identical bytes (a pure function of seed, step and batch size)', () => {
    const a = createTask(spec, 77);
    const b = createTask(spec, 77);
    // Order of calls must not matter: b draws other batches first.
    b.trainBatch(99, B);
    b.heldoutBatch(B);
    expect(batchBytes(b.trainBatch(5, B)).equals(batchBytes(a.trainBatch(5, B)))).toBe(true);
    expect(batchBytes(a.trainBatch(5, B)).equals(batchBytes(a.trainBatch(5, B)))).toBe(true);
    expect(batchBytes(a.heldoutBatch(B)).equals(batchBytes(b.heldoutBatch(B)))).toBe(true);
    expect(batchBytes(a.probeBatch(B)).equals(batchBytes(b.probeBatch(B)))).toBe(true);
  });

  it('different steps, seeds and streams → different batches', () => {
    const task = createTask(spec, 77);
    const s5 = batchBytes(task.trainBatch(5, B));
    expect(s5.equals(batchBytes(task.trainBatch(6, B)))).toBe(false);
    const held = batchBytes(task.heldoutBatch(B));
    const probe = batchBytes(task.probeBatch(B));
    expect(held.equals(probe)).toBe(false);
    expect(held.equals(s5)).toBe(false);
    expect(probe.equals(s5)).toBe(false);
    if (spec.kind !== 'csv') expect(batchBytes(createTask(spec, 78).trainBatch(5, B)).equals(s5)).toBe(false);
  });
});
