/**
 * The palette's blocks and how each one maps onto the experiment spec.
 *
 * The spec has ONE cell type, activation and recurrent initialiser shared by all layers (model.cell,
 * model.layers, model.activation, model.init.recurrent), so the canvas draws `model.layers` identical layer
 * blocks. Mapping, block label → spec:
 *   cells         RNN → model.cell 'rnn', LSTM → 'lstm', GRU → 'gru'.
 *                 A cell drag shows two targets, each with the stack it would leave: "Replace the cell"
 *                 (laid over the layers: switches model.cell, no layer added) and "Add a layer" (below them:
 *                 model.layers + 1 and model.cell set). Elsewhere on the canvas a cell changes nothing.
 *                 When the cell differs from the layers' cell every layer switches (a note says so).
 *   activations   tanh → model.activation 'tanh', sigmoid → 'sigmoid', ReLU → 'relu', LeakyReLU → 'leaky_relu',
 *                 ELU → 'elu' ('linear' only from the inspector).
 *   initialisers  Xavier → model.init.recurrent 'xavier_uniform', He → 'he_normal', Orthogonal → 'orthogonal',
 *                 Identity → 'identity', Normal → 'normal'. The inspector also sets model.init.input and offers
 *                 'xavier_normal'.
 *   clipping      Clip by norm → train.clip.mode 'norm', Clip by value → 'value' ('none' from the inspector).
 *   optimizers    SGD → train.optimizer 'sgd', Momentum → 'momentum', Adam → 'adam', RMSprop → 'rmsprop'.
 *   tasks         Adding problem → task.kind 'adding', Copy memory → 'copy', Latch → 'latch',
 *                 Sequential MNIST → 'smnist', Sine → 'sine', CSV file → 'csv'. The task's other fields go back
 *                 to the host's defaults, except the sequence length, which carries over where both have one.
 * Activation, initialiser, clipping, optimizer and task blocks may be dropped anywhere on the canvas.
 */
import type { Activation, Cell, ClipMode, Initialiser, OptimizerKind, TaskKind } from '../../../core/api';
import { ACTIVATION_NAMES, CELL_NAMES, CLIP_NAMES, INIT_NAMES, OPTIMIZER_NAMES, TASK_NAMES } from './names';

export type Block =
  | { kind: 'cell'; value: Cell; label: string; hint: string }
  | { kind: 'activation'; value: Activation; label: string; hint: string }
  | { kind: 'init'; value: Initialiser; label: string; hint: string }
  | { kind: 'clip'; value: ClipMode; label: string; hint: string }
  | { kind: 'optimizer'; value: OptimizerKind; label: string; hint: string }
  | { kind: 'task'; value: TaskKind; label: string; hint: string };

export type BlockKind = Block['kind'];

export const BLOCK_GROUPS: { kind: BlockKind; title: string }[] = [
  { kind: 'cell', title: 'Cells' },
  { kind: 'activation', title: 'Activations' },
  { kind: 'init', title: 'Initialisers' },
  { kind: 'clip', title: 'Clipping' },
  { kind: 'optimizer', title: 'Optimizers' },
  { kind: 'task', title: 'Tasks' },
];

const cell = (value: Cell, hint: string): Block => ({ kind: 'cell', value, label: CELL_NAMES[value], hint });
const act = (value: Activation, hint: string): Block => ({
  kind: 'activation',
  value,
  label: ACTIVATION_NAMES[value],
  hint,
});
const init = (value: Initialiser, hint: string): Block => ({ kind: 'init', value, label: INIT_NAMES[value], hint });
const clip = (value: ClipMode, hint: string): Block => ({ kind: 'clip', value, label: CLIP_NAMES[value], hint });
const opt = (value: OptimizerKind, hint: string): Block => ({
  kind: 'optimizer',
  value,
  label: OPTIMIZER_NAMES[value],
  hint,
});
const task = (value: TaskKind, hint: string): Block => ({ kind: 'task', value, label: TASK_NAMES[value], hint });

export const BLOCKS: readonly Block[] = [
  cell('rnn', 'Vanilla recurrent cell: h = f(Wx·x + Wh·h + b)'),
  cell('lstm', 'Long short-term memory: gated cell state'),
  cell('gru', 'Gated recurrent unit: update and reset gates'),
  act('tanh', 'Saturates at ±1, derivative ≤ 1'),
  act('sigmoid', 'Saturates at 0 and 1, derivative ≤ 0.25'),
  act('relu', 'Unbounded, derivative 0 or 1'),
  act('leaky_relu', 'ReLU with a small negative slope'),
  act('elu', 'Smooth, saturates for negative inputs'),
  init('xavier_uniform', 'Glorot uniform, variance 2/(fan in + fan out)'),
  init('he_normal', 'Normal with variance 2/fan in'),
  init('orthogonal', 'Orthogonal matrix, all singular values 1'),
  init('identity', 'Identity recurrent matrix (IRNN)'),
  init('normal', 'Normal with the inspector’s standard deviation'),
  clip('norm', 'Rescale gradients whose global norm exceeds the threshold'),
  clip('value', 'Clamp every gradient entry to ± the threshold'),
  opt('sgd', 'Plain stochastic gradient descent'),
  opt('momentum', 'SGD with momentum'),
  opt('adam', 'Adaptive moments'),
  opt('rmsprop', 'Running average of squared gradients'),
  task('adding', 'Sum the two marked numbers of a long sequence'),
  task('copy', 'Recall symbols after a long blank stretch'),
  task('latch', 'Remember the first input until the end'),
  task('smnist', 'MNIST digits read row by row or pixel by pixel'),
  task('sine', 'Predict the next value of a noisy sine'),
  task('csv', 'Your own sequences from a CSV file'),
];

/** Stable id of a palette block for dnd-kit ("palette:cell:gru"). */
export const blockId = (b: Block): string => `palette:${b.kind}:${b.value}`;

export function blockById(id: string): Block | undefined {
  return BLOCKS.find((b) => blockId(b) === id);
}

/** Okabe–Ito hue per kind, so a block's family reads at a glance (and matches the canvas's slots). */
export const KIND_COLOR: Record<BlockKind, string> = {
  cell: '#0072B2',
  activation: '#009E73',
  init: '#CC79A7',
  clip: '#D55E00',
  optimizer: '#E69F00',
  task: '#56B4E9',
};
