/**
 * Ready-made experiments from the vanishing/exploding-gradient literature. A preset is a base spec and, for a
 * comparison, a sweep grid (spec path → values): loading it fills the builder and the grid editor, and
 * `Start sweep` runs every combination as one sweep so the Compare view can group them.
 */
import type { ExperimentSpecInput } from '../../../core/api';
import type { Grid } from './sweep-grid';
import { tb, type BuilderKey } from './names';

export interface Preset {
  id: string;
  readonly title: string;
  /** One or two sentences: what the comparison shows. */
  readonly summary: string;
  base: ExperimentSpecInput;
  grid?: Grid;
}

/** A preset whose title and summary are read from the builder catalog (preset.<id>.title, .summary). */
const preset = (
  id: string,
  title: BuilderKey,
  summary: BuilderKey,
  rest: { base: ExperimentSpecInput; grid?: Grid },
): Preset => ({
  id,
  get title() {
    return tb(title);
  },
  get summary() {
    return tb(summary);
  },
  ...rest,
});

export const PRESETS: readonly Preset[] = [
  preset('rnn-vs-lstm-adding', 'preset.rnn-vs-lstm-adding.title', 'preset.rnn-vs-lstm-adding.summary', {
    base: {
      name: 'adding T=50: tanh RNN vs LSTM',
      task: { kind: 'adding', seqLen: 50 },
      model: { hidden: 64, activation: 'tanh', init: { input: 'xavier_uniform', recurrent: 'orthogonal' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 2000, seed: 1 },
      probe: { every: 50 },
    },
    grid: { 'model.cell': ['rnn', 'lstm'] },
  }),
  preset('activations', 'preset.activations.title', 'preset.activations.summary', {
    base: {
      name: 'adding T=30: activations',
      task: { kind: 'adding', seqLen: 30 },
      model: { cell: 'rnn', hidden: 64, init: { recurrent: 'orthogonal' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 1500, seed: 1 },
      probe: { every: 50 },
    },
    grid: { 'model.activation': ['sigmoid', 'tanh', 'relu'] },
  }),
  preset('clipping', 'preset.clipping.title', 'preset.clipping.summary', {
    base: {
      name: 'exploding tanh RNN: clipping',
      task: { kind: 'adding', seqLen: 50 },
      model: { cell: 'rnn', hidden: 64, activation: 'tanh', init: { recurrent: 'orthogonal', spectralRadius: 2 } },
      train: { optimizer: 'sgd', lr: 0.05, batch: 32, steps: 1000, seed: 1, clip: { mode: 'norm', threshold: 1 } },
      probe: { every: 25 },
    },
    grid: { 'train.clip.mode': ['none', 'norm'] },
  }),
  preset('vanishing-tanh', 'preset.vanishing-tanh.title', 'preset.vanishing-tanh.summary', {
    base: {
      name: 'tanh RNN, adding T=100',
      task: { kind: 'adding', seqLen: 100 },
      model: { cell: 'rnn', hidden: 64, activation: 'tanh', init: { recurrent: 'xavier_uniform' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 1000, seed: 1 },
      probe: { every: 25 },
    },
  }),
];
