/** Which labelled fields each canvas block shows in the inspector, as data: the form and the issue list share it. */
import type { TaskKind } from '../../../core/api';
import { ACTIVATION_NAMES, CELL_NAMES, CLIP_NAMES, INIT_NAMES, OPTIMIZER_NAMES, TASK_NAMES, optionsOf } from './names';
import type { Section } from './draft';

export type FieldSpec =
  | { type: 'number'; path: string; label: string; hint?: string; optional?: boolean; placeholder?: string }
  | { type: 'select'; path: string; label: string; options: [string, string][]; hint?: string }
  | { type: 'text'; path: string; label: string; hint?: string; placeholder?: string }
  | { type: 'check'; path: string; label: string };

const num = (
  path: string,
  label: string,
  hint?: string,
  extra: { optional?: boolean; placeholder?: string } = {},
): FieldSpec => ({
  type: 'number',
  path,
  label,
  ...(hint ? { hint } : {}),
  ...extra,
});

function taskFields(kind: TaskKind | undefined): FieldSpec[] {
  const fields: FieldSpec[] = [
    { type: 'select', path: 'task.kind', label: 'Task type', options: optionsOf(TASK_NAMES) },
  ];
  switch (kind) {
    case 'adding':
      return [...fields, num('task.seqLen', 'Sequence length', 'T: time steps per sequence')];
    case 'copy':
      return [
        ...fields,
        num('task.seqLen', 'Sequence length', 'Blank steps between the symbols and the recall cue'),
        num('task.symbols', 'Symbols'),
        num('task.copyLength', 'Copy length'),
      ];
    case 'latch':
      return [...fields, num('task.seqLen', 'Sequence length'), num('task.classes', 'Classes')];
    case 'smnist':
      return [
        ...fields,
        {
          type: 'select',
          path: 'task.mode',
          label: 'Reading order',
          options: [
            ['row', 'Row by row (T = 28)'],
            ['pixel', 'Pixel by pixel (T = 784)'],
          ],
        },
        { type: 'check', path: 'task.permuted', label: 'Permuted pixels' },
      ];
    case 'sine':
      return [...fields, num('task.seqLen', 'Sequence length')];
    case 'csv':
      return [
        ...fields,
        {
          type: 'text',
          path: 'task.path',
          label: 'CSV path',
          hint: 'A file on the lab’s machine, one sequence per row',
          placeholder: '/data/series.csv',
        },
        num('task.seqLen', 'Sequence length', 'Empty: the rows’ own length', {
          optional: true,
          placeholder: 'from the file',
        }),
      ];
    default:
      return fields;
  }
}

/** What decides which fields apply: a forget bias means nothing to a GRU, a std nothing without the Normal initialiser. */
export interface FieldContext {
  taskKind: TaskKind | undefined;
  cell: unknown;
  usesNormalInit: boolean;
  /** probe.source: the probe batch size means nothing when profiles come from the training pass. */
  probeSource?: unknown;
}

const MODEL_FIELDS: FieldSpec[] = [
  {
    type: 'select',
    path: 'model.cell',
    label: 'Cell',
    options: optionsOf(CELL_NAMES),
    hint: 'One cell type for every layer',
  },
  num('model.hidden', 'Hidden size', 'Units per layer'),
  num('model.layers', 'Layers'),
  { type: 'select', path: 'model.activation', label: 'Activation', options: optionsOf(ACTIVATION_NAMES) },
  {
    type: 'select',
    path: 'model.init.recurrent',
    label: 'Recurrent init',
    options: optionsOf(INIT_NAMES),
    hint: 'Initialiser of Wh',
  },
  {
    type: 'select',
    path: 'model.init.input',
    label: 'Input init',
    options: optionsOf(INIT_NAMES),
    hint: 'Initialiser of Wx',
  },
  num('model.init.gain', 'Gain', 'Scales the initial weights'),
  num('model.init.std', 'Normal std', 'Standard deviation of the Normal initialiser'),
  num(
    'model.init.spectralRadius',
    'Spectral radius',
    'Rescales Wh to this spectral radius; empty leaves it as initialised',
    { optional: true, placeholder: 'off' },
  ),
  num('model.forgetBias', 'Forget bias', 'Added to the LSTM forget-gate bias'),
];

const TRAIN_FIELDS: FieldSpec[] = [
  { type: 'select', path: 'train.optimizer', label: 'Optimizer', options: optionsOf(OPTIMIZER_NAMES) },
  num('train.lr', 'Learning rate'),
  num('train.batch', 'Batch size'),
  num('train.steps', 'Steps'),
  num('train.seed', 'Seed', 'Fixes weights, data and order'),
  num('train.evalEvery', 'Eval every', 'Held-out loss every this many steps'),
  num('train.checkpointEvery', 'Checkpoint every'),
];

const CLIP_FIELDS: FieldSpec[] = [
  { type: 'select', path: 'train.clip.mode', label: 'Clip mode', options: optionsOf(CLIP_NAMES) },
  num('train.clip.threshold', 'Clip threshold', 'Global norm (by norm) or largest entry (by value)'),
];

const PROBE_FIELDS: FieldSpec[] = [
  num('probe.every', 'Probe every', 'Measure ‖∂L/∂hₜ‖ every this many steps; 0 turns probes off'),
  {
    type: 'select',
    path: 'probe.source',
    label: 'Probe source',
    options: [
      ['fixed', 'Fixed probe batch (comparable across training)'],
      ['train', 'Training step’s own pass (nearly free)'],
    ],
    hint: 'Fixed: a second pass on the same sequences each probe. Training step: the gradient each step applied, cheap enough for every step',
  },
  num('probe.batch', 'Probe batch', 'Sequences in the fixed probe batch'),
  num(
    'probe.spectraEvery',
    'Spectra every',
    'RNN Jacobian norms, σmax and spectral radius at probes on multiples of this step (they cost T·B·H² per iteration)',
  ),
];

const RUN_FIELDS: FieldSpec[] = [{ type: 'text', path: 'name', label: 'Run name' }];

export function fieldsOf(section: Section, ctx: FieldContext): FieldSpec[] {
  switch (section) {
    case 'task':
      return taskFields(ctx.taskKind);
    case 'model':
      return MODEL_FIELDS.filter(
        (f) =>
          (f.path !== 'model.forgetBias' || ctx.cell === 'lstm') && (f.path !== 'model.init.std' || ctx.usesNormalInit),
      );
    case 'train':
      return TRAIN_FIELDS;
    case 'clip':
      return CLIP_FIELDS;
    case 'probe':
      return PROBE_FIELDS.filter((f) => f.path !== 'probe.batch' || ctx.probeSource !== 'train');
    case 'run':
      return RUN_FIELDS;
  }
}

/** The label of the field a path names, for issue lists ("Steps: …" reads better than "train.steps: …"). */
export function labelOf(path: string, taskKind: TaskKind | undefined): string | undefined {
  const all: Section[] = ['task', 'model', 'train', 'clip', 'probe', 'run'];
  for (const s of all) {
    const f = fieldsOf(s, { taskKind, cell: 'lstm', usesNormalInit: true }).find((x) => x.path === path);
    if (f) return f.label;
  }
  return undefined;
}
