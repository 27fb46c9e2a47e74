/**
 * How tasks turn (seed, step) into batches. Two shapes:
 * - synthetic tasks draw every batch from a generator seeded by hash(seed, stream, step): training batches
 *   are a pure function of (seed, step, B); the held-out and probe batches use their own streams;
 * - dataset tasks (smnist, csv) split their examples once into train and held-out sets, walk the train set
 *   in epochs (a fresh seeded shuffle per epoch, position = step·B + b), and take the held-out batch from
 *   the start of the held-out set and the probe batch from its end (disjoint while 2·B ≤ held-out size;
 *   larger batches wrap around).
 */
import { LabError } from '../api/errors';
import { hashSeed, makeRng, permutation, type Rng } from './rng';
import type { Batch, TaskInstance } from './types';

/** Stream ids mixed into seeds so that train, held-out and probe data never share a generator. */
export const STREAM = { train: 1, heldout: 2, probe: 3, epoch: 4, permutation: 5 } as const;

export type TaskMeta = Omit<TaskInstance, 'trainBatch' | 'heldoutBatch' | 'probeBatch'>;

function checkStep(step: number): number {
  if (!Number.isSafeInteger(step) || step < 0) {
    throw new LabError('invalid_argument', `Batch step must be a non-negative integer, got ${String(step)}`, [
      { path: 'step', message: 'a non-negative integer' },
    ]);
  }
  return step;
}

function checkBatchSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > 1_048_576) {
    throw new LabError('invalid_argument', `Batch size must be an integer from 1 to 1048576, got ${String(size)}`, [
      { path: 'batchSize', message: 'an integer from 1 to 1048576' },
    ]);
  }
  return size;
}

export function checkTaskSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new LabError('invalid_argument', `Task seed must be an integer from 0 to 4294967295, got ${String(seed)}`, [
      { path: 'train.seed', message: 'an integer from 0 to 4294967295' },
    ]);
  }
  return seed;
}

/** A task whose every batch is generated afresh from a seeded generator. */
export function syntheticTask(
  meta: TaskMeta,
  seed: number,
  generate: (rng: Rng, batchSize: number) => Batch,
): TaskInstance {
  checkTaskSeed(seed);
  return {
    ...meta,
    trainBatch: (step, size) => generate(makeRng(hashSeed(seed, STREAM.train, checkStep(step))), checkBatchSize(size)),
    heldoutBatch: (size) => generate(makeRng(hashSeed(seed, STREAM.heldout)), checkBatchSize(size)),
    probeBatch: (size) => generate(makeRng(hashSeed(seed, STREAM.probe)), checkBatchSize(size)),
  };
}

export interface Split {
  train: Int32Array;
  heldout: Int32Array;
}

/**
 * A fixed split of n examples (n ≥ 2): a seeded shuffle, the first ⌈heldoutFraction·n⌉ (at least 1, at
 * most n−1) held out. The split seed is a constant of the task, not the run's seed, so every run of a
 * dataset is scored on the same held-out examples.
 */
export function splitExamples(n: number, heldoutFraction: number, splitSeed: number): Split {
  const order = permutation(n, makeRng(splitSeed));
  const h = Math.min(n - 1, Math.max(1, Math.ceil(heldoutFraction * n)));
  return { heldout: order.slice(0, h), train: order.slice(h) };
}

/** A task over a fixed set of examples; `makeBatch` lays out the examples at the given indices. */
export function datasetTask(
  meta: TaskMeta,
  seed: number,
  split: Split,
  makeBatch: (indices: Int32Array) => Batch,
): TaskInstance {
  checkTaskSeed(seed);
  const n = split.train.length;
  const epochs = new Map<number, Int32Array>();
  const epochOrder = (epoch: number): Int32Array => {
    let p = epochs.get(epoch);
    if (!p) {
      p = permutation(n, makeRng(hashSeed(seed, STREAM.epoch, epoch)));
      if (epochs.size >= 2) epochs.delete(epochs.keys().next().value as number);
      epochs.set(epoch, p);
    }
    return p;
  };
  const h = split.heldout.length;
  return {
    ...meta,
    trainBatch(step, size) {
      checkStep(step);
      checkBatchSize(size);
      const idx = new Int32Array(size);
      for (let b = 0; b < size; b++) {
        const pos = step * size + b;
        const epoch = Math.floor(pos / n);
        idx[b] = split.train[epochOrder(epoch)[pos - epoch * n]!]!;
      }
      return makeBatch(idx);
    },
    heldoutBatch(size) {
      checkBatchSize(size);
      return makeBatch(Int32Array.from({ length: size }, (_, b) => split.heldout[b % h]!));
    },
    probeBatch(size) {
      checkBatchSize(size);
      return makeBatch(Int32Array.from({ length: size }, (_, b) => split.heldout[h - 1 - (b % h)]!));
    },
  };
}
