/** Which labelled fields each canvas block shows in the inspector, as data: the form and the issue list share it. */
import type { TaskKind } from '../../../core/api';
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CLIP_NAMES,
  INIT_NAMES,
  OPTIMIZER_NAMES,
  TASK_NAMES,
  optionsOf,
  tb,
} from './names';
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
    { type: 'select', path: 'task.kind', label: tb('field.taskKind'), options: optionsOf(TASK_NAMES) },
  ];
  switch (kind) {
    case 'adding':
      return [...fields, num('task.seqLen', tb('field.seqLen'), tb('field.seqLenHint'))];
    case 'copy':
      return [
        ...fields,
        num('task.seqLen', tb('field.seqLen'), tb('field.copyDelayHint')),
        num('task.symbols', tb('field.symbols')),
        num('task.copyLength', tb('field.copyLength')),
      ];
    case 'latch':
      return [...fields, num('task.seqLen', tb('field.seqLen')), num('task.classes', tb('field.classes'))];
    case 'smnist':
      return [
        ...fields,
        {
          type: 'select',
          path: 'task.mode',
          label: tb('field.mode'),
          options: [
            ['row', tb('field.modeRow')],
            ['pixel', tb('field.modePixel')],
          ],
        },
        { type: 'check', path: 'task.permuted', label: tb('field.permuted') },
      ];
    case 'sine':
      return [...fields, num('task.seqLen', tb('field.seqLen'))];
    case 'csv':
      return [
        ...fields,
        {
          type: 'text',
          path: 'task.path',
          label: tb('field.csvPath'),
          hint: tb('field.csvPathHint'),
          placeholder: '/data/series.csv',
        },
        num('task.seqLen', tb('field.seqLen'), tb('field.csvSeqLenHint'), {
          optional: true,
          placeholder: tb('field.fromFile'),
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

// A function, so the labels read in the language of the moment they are shown.
const modelFields = (): FieldSpec[] => [
  {
    type: 'select',
    path: 'model.cell',
    label: tb('field.cell'),
    options: optionsOf(CELL_NAMES),
    hint: tb('field.cellHint'),
  },
  num('model.hidden', tb('field.hidden'), tb('field.hiddenHint')),
  num('model.layers', tb('field.layers')),
  { type: 'select', path: 'model.activation', label: tb('field.activation'), options: optionsOf(ACTIVATION_NAMES) },
  {
    type: 'select',
    path: 'model.init.recurrent',
    label: tb('field.recurrentInit'),
    options: optionsOf(INIT_NAMES),
    hint: tb('field.recurrentInitHint'),
  },
  {
    type: 'select',
    path: 'model.init.input',
    label: tb('field.inputInit'),
    options: optionsOf(INIT_NAMES),
    hint: tb('field.inputInitHint'),
  },
  num('model.init.gain', tb('field.gain'), tb('field.gainHint')),
  num('model.init.std', tb('field.std'), tb('field.stdHint')),
  num('model.init.spectralRadius', tb('field.spectralRadius'), tb('field.spectralRadiusHint'), {
    optional: true,
    placeholder: tb('field.off'),
  }),
  num('model.forgetBias', tb('field.forgetBias'), tb('field.forgetBiasHint')),
];

// A function, so the labels read in the language of the moment they are shown.
const trainFields = (): FieldSpec[] => [
  { type: 'select', path: 'train.optimizer', label: tb('field.optimizer'), options: optionsOf(OPTIMIZER_NAMES) },
  num('train.lr', tb('field.lr')),
  num('train.batch', tb('field.batch')),
  num('train.steps', tb('field.steps')),
  num('train.seed', tb('field.seed'), tb('field.seedHint')),
  num('train.evalEvery', tb('field.evalEvery'), tb('field.evalEveryHint')),
  num('train.checkpointEvery', tb('field.checkpointEvery')),
];

// A function, so the labels read in the language of the moment they are shown.
const clipFields = (): FieldSpec[] => [
  { type: 'select', path: 'train.clip.mode', label: tb('field.clipMode'), options: optionsOf(CLIP_NAMES) },
  num('train.clip.threshold', tb('field.clipThreshold'), tb('field.clipThresholdHint')),
];

// A function, so the labels read in the language of the moment they are shown.
const probeFields = (): FieldSpec[] => [
  num('probe.every', tb('field.probeEvery'), tb('field.probeEveryHint')),
  {
    type: 'select',
    path: 'probe.source',
    label: tb('field.probeSource'),
    options: [
      ['fixed', tb('field.probeFixed')],
      ['train', tb('field.probeTrain')],
    ],
    hint: tb('field.probeSourceHint'),
  },
  num('probe.batch', tb('field.probeBatch'), tb('field.probeBatchHint')),
  num('probe.spectraEvery', tb('field.spectraEvery'), tb('field.spectraEveryHint')),
];

// A function, so the labels read in the language of the moment they are shown.
const runFields = (): FieldSpec[] => [{ type: 'text', path: 'name', label: tb('field.runName') }];

export function fieldsOf(section: Section, ctx: FieldContext): FieldSpec[] {
  switch (section) {
    case 'task':
      return taskFields(ctx.taskKind);
    case 'model':
      return modelFields().filter(
        (f) =>
          (f.path !== 'model.forgetBias' || ctx.cell === 'lstm') && (f.path !== 'model.init.std' || ctx.usesNormalInit),
      );
    case 'train':
      return trainFields();
    case 'clip':
      return clipFields();
    case 'probe':
      return probeFields().filter((f) => f.path !== 'probe.batch' || ctx.probeSource !== 'train');
    case 'run':
      return runFields();
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
