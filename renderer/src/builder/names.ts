/**
 * Display names for every value the spec's enums allow. The renderer holds no schema code (DESIGN.md), so these
 * are typed as exhaustive records over the contract's types: when core/api/spec.ts gains a value, tsc points here.
 */
import type { Activation, Cell, ClipMode, Initialiser, OptimizerKind, TaskKind } from '../../../core/api';
import { tFor } from '../i18n';
import type { EnglishCatalog } from '../i18n/resources';

export const tb = tFor('builder');
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every key of the builder catalog ("field.seqLen"), for data that names its words by key. */
export type BuilderKey = Leaves<EnglishCatalog['builder']>;

/**
 * A record whose names are read from the builder catalog each time, in the window's current language: the
 * records stay plain lookups for their callers and every name has one source.
 */
function localNames<V extends string>(keys: Record<V, BuilderKey>): Record<V, string> {
  const out = {} as Record<V, string>;
  for (const [value, key] of Object.entries(keys) as [V, BuilderKey][])
    Object.defineProperty(out, value, { enumerable: true, get: () => tb(key) });
  return out;
}

export const CELL_NAMES: Record<Cell, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

export const ACTIVATION_NAMES: Record<Activation, string> = {
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  linear: 'linear',
};

export const INIT_NAMES: Record<Initialiser, string> = localNames({
  xavier_uniform: 'name.init.xavier_uniform',
  xavier_normal: 'name.init.xavier_normal',
  he_normal: 'name.init.he_normal',
  orthogonal: 'name.init.orthogonal',
  identity: 'name.init.identity',
  normal: 'name.init.normal',
});

export const OPTIMIZER_NAMES: Record<OptimizerKind, string> = localNames({
  sgd: 'name.optimizer.sgd',
  momentum: 'name.optimizer.momentum',
  adam: 'name.optimizer.adam',
  rmsprop: 'name.optimizer.rmsprop',
});

export const CLIP_NAMES: Record<ClipMode, string> = localNames({
  none: 'name.clip.none',
  norm: 'name.clip.norm',
  value: 'name.clip.value',
});

export const TASK_NAMES: Record<TaskKind, string> = localNames({
  adding: 'name.task.adding',
  copy: 'name.task.copy',
  latch: 'name.task.latch',
  smnist: 'name.task.smnist',
  sine: 'name.task.sine',
  csv: 'name.task.csv',
});

/** [value, label] pairs in the records' order, for selects and checkbox groups. */
export function optionsOf<V extends string>(names: Record<V, string>): [V, string][] {
  return Object.entries(names) as [V, string][];
}

/** A name for a value the records may not know (an imported spec, a future engine): the raw value itself. */
export function nameOf(names: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (names[value] ?? value) : String(value ?? '');
}

/** How a task's seqLen reads: the sequence length T, except for copy, where it is the blank delay. */
export function seqLenLabel(kind: unknown, seqLen: unknown): string {
  return kind === 'copy' ? tb('canvas.delay', { n: String(seqLen) }) : `T = ${String(seqLen)}`;
}

/** The spec paths whose values are enum identifiers, each with the record that names them. */
const SPEC_PATH_NAMES: Readonly<Record<string, Record<string, string>>> = {
  'task.kind': TASK_NAMES,
  'model.cell': CELL_NAMES,
  'model.activation': ACTIVATION_NAMES,
  'model.init.input': INIT_NAMES,
  'model.init.recurrent': INIT_NAMES,
  'train.optimizer': OPTIMIZER_NAMES,
  'train.clip.mode': CLIP_NAMES,
};

/**
 * How a flattened spec value reads in a table ("task.kind" = "adding" → "Adding problem" / its Chinese name);
 * numbers and free text as they are.
 */
export function specValueName(path: string, value: string): string {
  const names = SPEC_PATH_NAMES[path];
  return names ? nameOf(names, value) : value;
}
