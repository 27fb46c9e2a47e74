/**
 * Reference levels of the adding problem on the exact held-out batch a run is scored on (regenerated from
 * the run's spec: batches are a function of the seed). The expected values are 1/6 for predicting the mean
 * and 1/12 for a network that remembers only the later marked number (it must guess the earlier one: x₁ ~ U[0, 1]
 * has variance 1/12); a batch of 32 sequences can sit well away from either.
 */
import type { ExperimentSpec } from '../api';
import { createTask } from '../tasks';

export interface AddingLevels {
  /** MSE of always predicting 1 (the mean target). */
  meanMse: number;
  /** MSE of predicting x_later + 1/2: everything a network can do without the earlier marked number. */
  oneNumberMse: number;
}

export function addingLevels(spec: ExperimentSpec): AddingLevels | null {
  if (spec.task.kind !== 'adding') return null;
  const task = createTask(spec.task, spec.train.seed);
  const b = task.heldoutBatch(spec.train.batch);
  if (b.target.kind !== 'mse_last') return null;
  const { T, B, x } = b;
  const y = b.target.y;
  let meanSq = 0;
  let oneSq = 0;
  for (let j = 0; j < B; j++) {
    let later = NaN;
    for (let t = T - 1; t >= 0; t--) {
      if (x[(t * B + j) * 2 + 1] === 1) {
        later = x[(t * B + j) * 2] as number;
        break;
      }
    }
    const target = y[j] as number;
    meanSq += (target - 1) ** 2;
    oneSq += (target - later - 0.5) ** 2;
  }
  return { meanMse: meanSq / B, oneNumberMse: oneSq / B };
}
