/**
 * The adding problem (Hochreiter & Schmidhuber 1997; Le et al. 2015). Two input channels per step:
 * channel 0 holds a value drawn from U[0, 1], channel 1 is a marker that is 1 at exactly one step of the
 * first half (t < ⌊T/2⌋) and one step of the second half, 0 elsewhere. The target is the sum of the two
 * marked values, scored by MSE on the last step. Predicting the mean (1) scores Var = 2·(1/12) = 1/6.
 */
import { syntheticTask } from './sampling';
import type { TaskDefinition } from './types';

export const ADDING_BASELINE = 1 / 6;

export const addingTask: TaskDefinition<'adding'> = {
  kind: 'adding',
  create(spec, seed) {
    const T = spec.seqLen;
    const half = Math.floor(T / 2);
    return syntheticTask(
      {
        kind: 'adding',
        seqLen: T,
        inputSize: 2,
        outputSize: 1,
        lossKind: 'mse_last',
        hasAccuracy: false,
        baseline: { value: ADDING_BASELINE, label: 'predict the mean (1/6)' },
      },
      seed,
      (rng, B) => {
        const x = new Float32Array(T * B * 2);
        const y = new Float32Array(B);
        for (let b = 0; b < B; b++) {
          for (let t = 0; t < T; t++) x[(t * B + b) * 2] = rng.next();
          const first = rng.int(half);
          const second = half + rng.int(T - half);
          x[(first * B + b) * 2 + 1] = 1;
          x[(second * B + b) * 2 + 1] = 1;
          // Sum the stored float32 values, so the target is exactly what the network sees.
          y[b] = x[(first * B + b) * 2]! + x[(second * B + b) * 2]!;
        }
        return { T, B, inputSize: 2, x, target: { kind: 'mse_last', y } };
      },
    );
  },
};
