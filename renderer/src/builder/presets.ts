/**
 * Ready-made experiments from the vanishing/exploding-gradient literature. A preset is a base spec and, for a
 * comparison, a sweep grid (spec path → values): loading it fills the builder and the grid editor, and
 * `Start sweep` runs every combination as one sweep so the Compare view can group them.
 */
import type { ExperimentSpecInput } from '../../../core/api';
import type { Grid } from './sweep-grid';

export interface Preset {
  id: string;
  title: string;
  /** One or two sentences: what the comparison shows. */
  summary: string;
  base: ExperimentSpecInput;
  grid?: Grid;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'rnn-vs-lstm-adding',
    title: 'tanh RNN vs LSTM on the adding problem',
    summary:
      'At T = 50 the tanh RNN’s gradient from the marked inputs fades long before it reaches them; the LSTM’s cell state carries it.',
    base: {
      name: 'adding T=50: tanh RNN vs LSTM',
      task: { kind: 'adding', seqLen: 50 },
      model: { hidden: 64, activation: 'tanh', init: { input: 'xavier_uniform', recurrent: 'orthogonal' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 2000, seed: 1 },
      probe: { every: 50 },
    },
    grid: { 'model.cell': ['rnn', 'lstm'] },
  },
  {
    id: 'activations',
    title: 'sigmoid vs tanh vs ReLU',
    summary: 'One vanilla RNN, three activations: sigmoid’s derivative (≤ 0.25) vanishes fastest, ReLU can explode.',
    base: {
      name: 'adding T=30: activations',
      task: { kind: 'adding', seqLen: 30 },
      model: { cell: 'rnn', hidden: 64, init: { recurrent: 'orthogonal' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 1500, seed: 1 },
      probe: { every: 50 },
    },
    grid: { 'model.activation': ['sigmoid', 'tanh', 'relu'] },
  },
  {
    id: 'clipping',
    title: 'Clipping on/off on an exploding RNN',
    summary:
      'A tanh RNN whose recurrent matrix has spectral radius 2, trained by SGD: unclipped, its gradient norm reaches 10²⁰ and the run diverges within a few dozen steps; clipping by norm keeps it training.',
    base: {
      name: 'exploding tanh RNN: clipping',
      task: { kind: 'adding', seqLen: 50 },
      model: { cell: 'rnn', hidden: 64, activation: 'tanh', init: { recurrent: 'orthogonal', spectralRadius: 2 } },
      train: { optimizer: 'sgd', lr: 0.05, batch: 32, steps: 1000, seed: 1, clip: { mode: 'norm', threshold: 1 } },
      probe: { every: 25 },
    },
    grid: { 'train.clip.mode': ['none', 'norm'] },
  },
  {
    id: 'vanishing-tanh',
    title: 'Watch a tanh RNN’s gradient vanish',
    summary:
      'A single run on the adding problem at T = 100: the gradient-flow profile drops by orders of magnitude across the sequence.',
    base: {
      name: 'tanh RNN, adding T=100',
      task: { kind: 'adding', seqLen: 100 },
      model: { cell: 'rnn', hidden: 64, activation: 'tanh', init: { recurrent: 'xavier_uniform' } },
      train: { optimizer: 'adam', lr: 0.001, batch: 32, steps: 1000, seed: 1 },
      probe: { every: 25 },
    },
  },
];
