/**
 * The copy-memory task (Hochreiter & Schmidhuber 1997; Arjovsky, Shah & Bengio 2016). With K = copyLength,
 * S = symbols and T = seqLen, a sequence has T + 2K steps:
 *   input:  K random symbols (classes 0..S−1), T−1 blanks, a delimiter, K blanks;
 *   target: blanks for the first T + K steps, then the K symbols again.
 * Inputs are one-hot over S + 2 classes (blank = S, delimiter = S + 1); cross-entropy on every step.
 * A model that outputs blank until the delimiter and then guesses uniformly scores K·ln S / (T + 2K)
 * (10·ln 8 / (T + 20) for the classic setting).
 */
import { syntheticTask } from './sampling';
import type { TaskDefinition } from './types';

export function copyBaseline(seqLen: number, symbols: number, copyLength: number): number {
  return (copyLength * Math.log(symbols)) / (seqLen + 2 * copyLength);
}

export const copyTask: TaskDefinition<'copy'> = {
  kind: 'copy',
  create(spec, seed) {
    const { symbols: S, copyLength: K } = spec;
    const L = spec.seqLen + 2 * K;
    const classes = S + 2;
    const blank = S;
    const delimiter = S + 1;
    return syntheticTask(
      {
        kind: 'copy',
        seqLen: L,
        inputSize: classes,
        outputSize: classes,
        lossKind: 'xent_all',
        hasAccuracy: true,
        baseline: { value: copyBaseline(spec.seqLen, S, K), label: `memoryless (${K}·ln ${S} / ${L})` },
      },
      seed,
      (rng, B) => {
        const x = new Float32Array(L * B * classes);
        const y = new Int32Array(L * B).fill(blank);
        for (let b = 0; b < B; b++) {
          const input = (t: number, c: number): void => {
            x[(t * B + b) * classes + c] = 1;
          };
          for (let t = 0; t < K; t++) {
            const s = rng.int(S);
            input(t, s);
            y[(L - K + t) * B + b] = s;
          }
          for (let t = K; t < L; t++) input(t, t === K + spec.seqLen - 1 ? delimiter : blank);
        }
        return { T: L, B, inputSize: classes, x, target: { kind: 'xent_all', y } };
      },
    );
  },
};
