/**
 * Sequential MNIST (Le, Jaitly & Hinton 2015): a digit read row by row (`row`: 28 steps of 28 pixels) or
 * pixel by pixel (`pixel`: 784 steps of 1). `permuted` first shuffles the 784 pixels by a permutation fixed
 * by the run's seed (the same for every batch of the run). Pixels are in [0, 1]; cross-entropy on the last
 * step, accuracy reported; chance is ln 10.
 * The 10,000 digits of the `mnist` package are split once, by a constant seeded shuffle, into 8,000 for
 * training and 2,000 held out (the held-out and probe batches come from the held-out part).
 */
import { loadMnist, MNIST_PIXELS } from './mnist-data';
import { hashSeed, makeRng, permutation } from './rng';
import { datasetTask, splitExamples, STREAM } from './sampling';
import type { TaskDefinition } from './types';

export const SMNIST_SPLIT_SEED = 20150101;
export const SMNIST_HELDOUT_FRACTION = 0.2;

/** The pixel order of a permuted run: pixel k of the sequence is pixel perm[k] of the image. */
export function smnistPermutation(seed: number): Int32Array {
  return permutation(MNIST_PIXELS, makeRng(hashSeed(seed, STREAM.permutation)));
}

export const smnistTask: TaskDefinition<'smnist'> = {
  kind: 'smnist',
  create(spec, seed) {
    const data = loadMnist();
    const inputSize = spec.mode === 'row' ? 28 : 1;
    const T = MNIST_PIXELS / inputSize;
    const perm = spec.permuted ? smnistPermutation(seed) : null;
    return datasetTask(
      {
        kind: 'smnist',
        seqLen: T,
        inputSize,
        outputSize: 10,
        lossKind: 'xent_last',
        hasAccuracy: true,
        baseline: { value: Math.log(10), label: 'chance (ln 10)' },
      },
      seed,
      splitExamples(data.count, SMNIST_HELDOUT_FRACTION, SMNIST_SPLIT_SEED),
      (indices) => {
        const B = indices.length;
        const x = new Float32Array(T * B * inputSize);
        const y = new Int32Array(B);
        for (let b = 0; b < B; b++) {
          const e = indices[b]!;
          const base = e * MNIST_PIXELS;
          y[b] = data.labels[e]!;
          for (let k = 0; k < MNIST_PIXELS; k++) {
            const t = Math.floor(k / inputSize);
            const i = k - t * inputSize;
            x[(t * B + b) * inputSize + i] = data.pixels[base + (perm ? perm[k]! : k)]!;
          }
        }
        return { T, B, inputSize, x, target: { kind: 'xent_last', y } };
      },
    );
  },
};
