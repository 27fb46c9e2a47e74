/** Every task kind, one record each (adding a kind = one file + one line here; the type checks completeness). */
import type { TaskKind } from '../api/spec';
import { addingTask } from './adding';
import { copyTask } from './copy';
import { csvTask } from './csv';
import { latchTask } from './latch';
import { sineTask } from './sine';
import { smnistTask } from './smnist';
import type { TaskDefinition } from './types';

export const TASKS: { readonly [K in TaskKind]: TaskDefinition<K> } = {
  adding: addingTask,
  copy: copyTask,
  latch: latchTask,
  smnist: smnistTask,
  sine: sineTask,
  csv: csvTask,
};
