/**
 * Next-value prediction on sine waves: each sequence is x_t = sin(ω·t + φ) with its own angular frequency
 * ω ~ U[0.1, 1) rad/step (periods of about 6 to 63 steps) and phase φ ~ U[0, 2π); the target at step t is
 * x_{t+1}. MSE on every step. Predicting 0 scores the target's variance, E[sin²] = 1/2.
 */
import { syntheticTask } from './sampling';
import type { TaskDefinition } from './types';

export const SINE_OMEGA_RANGE = [0.1, 1] as const;

export const sineTask: TaskDefinition<'sine'> = {
  kind: 'sine',
  create(spec, seed) {
    const T = spec.seqLen;
    return syntheticTask(
      {
        kind: 'sine',
        seqLen: T,
        inputSize: 1,
        outputSize: 1,
        lossKind: 'mse_all',
        hasAccuracy: false,
        baseline: { value: 0.5, label: 'predict 0 (target variance 1/2)' },
      },
      seed,
      (rng, B) => {
        const x = new Float32Array(T * B);
        const y = new Float32Array(T * B);
        for (let b = 0; b < B; b++) {
          const omega = rng.uniform(SINE_OMEGA_RANGE[0], SINE_OMEGA_RANGE[1]);
          const phi = rng.uniform(0, 2 * Math.PI);
          for (let t = 0; t < T; t++) {
            x[t * B + b] = Math.sin(omega * t + phi);
            y[t * B + b] = Math.sin(omega * (t + 1) + phi);
          }
        }
        return { T, B, inputSize: 1, x, target: { kind: 'mse_all', y } };
      },
    );
  },
};
