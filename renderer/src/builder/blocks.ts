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
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CLIP_NAMES,
  INIT_NAMES,
  OPTIMIZER_NAMES,
  TASK_NAMES,
  tb,
  type BuilderKey,
} from './names';

export type Block =
  | { kind: 'cell'; value: Cell; label: string; hint: string }
  | { kind: 'activation'; value: Activation; label: string; hint: string }
  | { kind: 'init'; value: Initialiser; label: string; hint: string }
  | { kind: 'clip'; value: ClipMode; label: string; hint: string }
  | { kind: 'optimizer'; value: OptimizerKind; label: string; hint: string }
  | { kind: 'task'; value: TaskKind; label: string; hint: string };

export type BlockKind = Block['kind'];

/** The palette's groups; a group's title is read from the catalog in the current language. */
export const BLOCK_GROUPS: { kind: BlockKind; readonly title: string }[] = (
  [
    ['cell', 'group.cell'],
    ['activation', 'group.activation'],
    ['init', 'group.init'],
    ['clip', 'group.clip'],
    ['optimizer', 'group.optimizer'],
    ['task', 'group.task'],
  ] as const
).map(([kind, key]) => ({
  kind,
  get title() {
    return tb(key);
  },
}));

/** A block whose label (from the names records) and hint (from the catalog) read in the current language. */
function block<K extends BlockKind>(
  kind: K,
  value: Extract<Block, { kind: K }>['value'],
  names: Record<string, string>,
  hint: BuilderKey,
): Block {
  return {
    kind,
    value,
    get label() {
      return names[value] ?? value;
    },
    get hint() {
      return tb(hint);
    },
  } as Block;
}

const cell = (value: Cell, hint: BuilderKey): Block => block('cell', value, CELL_NAMES, hint);
const act = (value: Activation, hint: BuilderKey): Block => block('activation', value, ACTIVATION_NAMES, hint);
const init = (value: Initialiser, hint: BuilderKey): Block => block('init', value, INIT_NAMES, hint);
const clip = (value: ClipMode, hint: BuilderKey): Block => block('clip', value, CLIP_NAMES, hint);
const opt = (value: OptimizerKind, hint: BuilderKey): Block => block('optimizer', value, OPTIMIZER_NAMES, hint);
const task = (value: TaskKind, hint: BuilderKey): Block => block('task', value, TASK_NAMES, hint);

export const BLOCKS: readonly Block[] = [
  cell('rnn', 'hint.cell.rnn'),
  cell('lstm', 'hint.cell.lstm'),
  cell('gru', 'hint.cell.gru'),
  act('tanh', 'hint.activation.tanh'),
  act('sigmoid', 'hint.activation.sigmoid'),
  act('relu', 'hint.activation.relu'),
  act('leaky_relu', 'hint.activation.leaky_relu'),
  act('elu', 'hint.activation.elu'),
  init('xavier_uniform', 'hint.init.xavier_uniform'),
  init('he_normal', 'hint.init.he_normal'),
  init('orthogonal', 'hint.init.orthogonal'),
  init('identity', 'hint.init.identity'),
  init('normal', 'hint.init.normal'),
  clip('norm', 'hint.clip.norm'),
  clip('value', 'hint.clip.value'),
  opt('sgd', 'hint.optimizer.sgd'),
  opt('momentum', 'hint.optimizer.momentum'),
  opt('adam', 'hint.optimizer.adam'),
  opt('rmsprop', 'hint.optimizer.rmsprop'),
  task('adding', 'hint.task.adding'),
  task('copy', 'hint.task.copy'),
  task('latch', 'hint.task.latch'),
  task('smnist', 'hint.task.smnist'),
  task('sine', 'hint.task.sine'),
  task('csv', 'hint.task.csv'),
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
