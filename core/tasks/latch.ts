/**
 * The latch (information-latching) task (Bengio, Simard & Frasconi 1994): the class of the first input —
 * one-hot at t = 0, zeros afterwards — must be output at the last step, T steps later. Cross-entropy on
 * the last step; chance is ln(classes).
 */
import { syntheticTask } from './sampling';
import type { TaskDefinition } from './types';

export const latchTask: TaskDefinition<'latch'> = {
  kind: 'latch',
  create(spec, seed) {
    const { seqLen: T, classes: C } = spec;
    return syntheticTask(
      {
        kind: 'latch',
        seqLen: T,
        inputSize: C,
        outputSize: C,
        lossKind: 'xent_last',
        hasAccuracy: true,
        baseline: { value: Math.log(C), label: `chance (ln ${C})` },
      },
      seed,
      (rng, B) => {
        const x = new Float32Array(T * B * C);
        const y = new Int32Array(B);
        for (let b = 0; b < B; b++) {
          const c = rng.int(C);
          x[b * C + c] = 1; // t = 0
          y[b] = c;
        }
        return { T, B, inputSize: C, x, target: { kind: 'xent_last', y } };
      },
    );
  },
};
