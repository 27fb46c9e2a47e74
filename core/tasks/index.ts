/**
 * core/tasks: the data side of an experiment. `createTask(spec, seed)` builds a task from the registry;
 * batches are time-major and deterministic in (seed, step) (see ./types and ./sampling).
 */
import { invalidArgument } from '../api/errors';
import { TaskSchema, type TaskSpec } from '../api/spec';
import { TASKS } from './registry';
import { checkTaskSeed } from './sampling';
import type { TaskDefinition, TaskInstance } from './types';

export function createTask(spec: TaskSpec, seed: number): TaskInstance {
  const parsed = TaskSchema.safeParse(spec);
  if (!parsed.success) throw invalidArgument('task', parsed.error, 'task');
  checkTaskSeed(seed);
  // The registry's type pairs each kind with its definition; TS cannot correlate the union here.
  const def = TASKS[parsed.data.kind] as TaskDefinition<TaskSpec['kind']>;
  return def.create(parsed.data, seed);
}

export { TASKS } from './registry';
export type * from './types';
export { makeRng, hashSeed, permutation, sfc32, type Rng } from './rng';
export { STREAM, splitExamples } from './sampling';
export { ADDING_BASELINE } from './adding';
export { copyBaseline } from './copy';
export { parseCsv, readCsvFile, csvBaseline, type CsvDataset } from './csv';
export { loadMnist, setMnistDir, MNIST_PIXELS, MNIST_SIDE } from './mnist-data';
export { smnistPermutation } from './smnist';
