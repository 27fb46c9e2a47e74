import { describe, expect, it } from 'vitest';
import { createTask } from '../../../core/tasks';
import { loadMnist, MNIST_PIXELS } from '../../../core/tasks/mnist-data';
import { smnistPermutation } from '../../../core/tasks/smnist';
import { batchBytes, expectShape, xAt } from './helpers';

describe('mnist data', () => {
  it('loads the 10,000 digits of the mnist package offline, pixels in [0, 1], labels 0–9', () => {
    const data = loadMnist();
    expect(data.count).toBe(10_000);
    expect(data.pixels).toHaveLength(10_000 * MNIST_PIXELS);
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of data.pixels) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
    expect([lo, hi]).toEqual([0, 1]);
    const perClass = new Array<number>(10).fill(0);
    for (const l of data.labels) perClass[l]! += 1;
    for (const c of perClass) expect(c).toBeGreaterThan(800);
    expect(loadMnist()).toBe(data); // loaded once
  });
});

describe('smnist task', () => {
  it('row mode: 28 steps of 28 pixels of a real digit, labels 0–9', () => {
    const task = createTask({ kind: 'smnist', mode: 'row', permuted: false }, 1);
    expect(task).toMatchObject({ seqLen: 28, inputSize: 28, outputSize: 10, lossKind: 'xent_last', hasAccuracy: true });
    expect(task.baseline?.value).toBeCloseTo(Math.log(10), 12);
    const B = 50;
    const batch = task.trainBatch(0, B);
    expectShape(task, batch, B);
    for (const v of batch.x) expect(v >= 0 && v <= 1).toBe(true);
    const labels = [...batch.target.y];
    for (const l of labels) expect(Number.isInteger(l) && l >= 0 && l <= 9).toBe(true);
    expect(new Set(labels).size).toBeGreaterThan(5);
    // Each sequence is an image of the dataset with the batch's label, read row by row.
    const data = loadMnist();
    for (let b = 0; b < 5; b++) {
      const image = Float32Array.from({ length: MNIST_PIXELS }, (_, k) => xAt(batch, Math.floor(k / 28), b, k % 28));
      let found = -1;
      for (let e = 0; e < data.count && found < 0; e++) {
        if (
          data.labels[e] === labels[b] &&
          data.pixels.subarray(e * MNIST_PIXELS, (e + 1) * MNIST_PIXELS).every((p, k) => p === image[k])
        )
          found = e;
      }
      expect(found).toBeGreaterThanOrEqual(0);
    }
  });

  it('pixel mode: 784 steps of 1 pixel, the same digits as row mode', () => {
    const rows = createTask({ kind: 'smnist', mode: 'row', permuted: false }, 1).trainBatch(4, 8);
    const task = createTask({ kind: 'smnist', mode: 'pixel', permuted: false }, 1);
    expect(task).toMatchObject({ seqLen: 784, inputSize: 1 });
    const pixels = task.trainBatch(4, 8);
    expectShape(task, pixels, 8);
    expect(pixels.target.y).toEqual(rows.target.y);
    for (let b = 0; b < 8; b++)
      for (let k = 0; k < 784; k += 13) expect(xAt(pixels, k, b)).toBe(xAt(rows, Math.floor(k / 28), b, k % 28));
  });

  it('permuted: pixels reordered by a permutation fixed by the seed', () => {
    const plain = createTask({ kind: 'smnist', mode: 'pixel', permuted: false }, 21).trainBatch(2, 6);
    const permuted = createTask({ kind: 'smnist', mode: 'pixel', permuted: true }, 21);
    const a = permuted.trainBatch(2, 6);
    const perm = smnistPermutation(21);
    expect(a.target.y).toEqual(plain.target.y);
    for (let b = 0; b < 6; b++) for (let k = 0; k < 784; k++) expect(xAt(a, k, b)).toBe(xAt(plain, perm[k]!, b));
    expect(smnistPermutation(21)).toEqual(perm);
    expect(smnistPermutation(22)).not.toEqual(perm);
    // The same permutation for every batch of the run, in row mode too.
    const rowsPlain = createTask({ kind: 'smnist', mode: 'row', permuted: false }, 21).heldoutBatch(3);
    const rowsPerm = createTask({ kind: 'smnist', mode: 'row', permuted: true }, 21).heldoutBatch(3);
    for (let b = 0; b < 3; b++) {
      for (let k = 0; k < 784; k++) {
        const src = perm[k]!;
        expect(xAt(rowsPerm, Math.floor(k / 28), b, k % 28)).toBe(xAt(rowsPlain, Math.floor(src / 28), b, src % 28));
      }
    }
  });

  it('visits every training digit once per epoch (8,000 train, held-out digits never)', () => {
    const task = createTask({ kind: 'smnist', mode: 'row', permuted: false }, 3);
    const key = (batch: ReturnType<typeof task.trainBatch>, b: number): string =>
      Buffer.from(
        Float32Array.from({ length: 28 * 28 }, (_, k) => xAt(batch, Math.floor(k / 28), b, k % 28)).buffer,
      ).toString('base64');
    const train = new Set<string>();
    for (let step = 0; step < 80; step++) {
      const batch = task.trainBatch(step, 100);
      for (let b = 0; b < 100; b++) train.add(key(batch, b));
    }
    // The package's 10,000 images are pairwise distinct, so 80 batches of 100 are exactly the 8,000 train digits.
    expect(train.size).toBe(8_000);
    const held = task.heldoutBatch(500);
    const probe = task.probeBatch(500);
    const heldKeys = new Set<string>();
    for (let b = 0; b < 500; b++) {
      expect(train.has(key(held, b))).toBe(false);
      expect(train.has(key(probe, b))).toBe(false);
      heldKeys.add(key(held, b));
    }
    for (let b = 0; b < 500; b++) expect(heldKeys.has(key(probe, b))).toBe(false); // 2·500 ≤ 2,000 held out
    expect(batchBytes(held).equals(batchBytes(probe))).toBe(false);
  });
});
