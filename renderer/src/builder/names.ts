/**
 * Display names for every value the spec's enums allow. The renderer holds no schema code (DESIGN.md), so these
 * are typed as exhaustive records over the contract's types: when core/api/spec.ts gains a value, tsc points here.
 */
import type { Activation, Cell, ClipMode, Initialiser, OptimizerKind, TaskKind } from '../../../core/api';

export const CELL_NAMES: Record<Cell, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

export const ACTIVATION_NAMES: Record<Activation, string> = {
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  linear: 'linear',
};

export const INIT_NAMES: Record<Initialiser, string> = {
  xavier_uniform: 'Xavier',
  xavier_normal: 'Xavier (normal)',
  he_normal: 'He',
  orthogonal: 'Orthogonal',
  identity: 'Identity',
  normal: 'Normal',
};

export const OPTIMIZER_NAMES: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adam: 'Adam',
  rmsprop: 'RMSprop',
};

export const CLIP_NAMES: Record<ClipMode, string> = {
  none: 'No clipping',
  norm: 'Clip by norm',
  value: 'Clip by value',
};

export const TASK_NAMES: Record<TaskKind, string> = {
  adding: 'Adding problem',
  copy: 'Copy memory',
  latch: 'Latch',
  smnist: 'Sequential MNIST',
  sine: 'Sine',
  csv: 'CSV file',
};

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
  return kind === 'copy' ? `delay ${String(seqLen)}` : `T = ${String(seqLen)}`;
}
