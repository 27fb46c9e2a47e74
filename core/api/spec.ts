/**
 * The experiment spec: the public file format of `gradlab train SPEC.json` and of every run the lab stores.
 * Every field has a default, so `{}` is a valid spec; the same schema validates in the host (trust boundary)
 * and gives the UI its field-level messages.
 */
import { z } from 'zod';

export const CELLS = ['rnn', 'lstm', 'gru'] as const;
export const ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'leaky_relu', 'elu', 'linear'] as const;
export const INITIALISERS = [
  'xavier_uniform',
  'xavier_normal',
  'he_normal',
  'orthogonal',
  'identity',
  'normal',
] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;
export const CLIP_MODES = ['none', 'norm', 'value'] as const;
export const TASK_KINDS = ['adding', 'copy', 'latch', 'smnist', 'sine', 'csv'] as const;

export type Cell = (typeof CELLS)[number];
export type Activation = (typeof ACTIVATIONS)[number];
export type Initialiser = (typeof INITIALISERS)[number];
export type OptimizerKind = (typeof OPTIMIZERS)[number];
export type ClipMode = (typeof CLIP_MODES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

const positiveInt = (max: number) => z.number().int().min(1).max(max);

export const AddingTaskSchema = z.strictObject({
  kind: z.literal('adding'),
  seqLen: positiveInt(100_000).min(2).default(100),
});
export const CopyTaskSchema = z.strictObject({
  kind: z.literal('copy'),
  /** Blank steps between the symbols to copy and the delimiter. */
  seqLen: z.number().int().min(1).max(100_000).default(50),
  symbols: z.number().int().min(2).max(64).default(8),
  copyLength: z.number().int().min(1).max(1000).default(10),
});
export const LatchTaskSchema = z.strictObject({
  kind: z.literal('latch'),
  seqLen: positiveInt(100_000).default(50),
  classes: z.number().int().min(2).max(64).default(2),
});
export const SmnistTaskSchema = z.strictObject({
  kind: z.literal('smnist'),
  mode: z.enum(['row', 'pixel']).default('row'),
  permuted: z.boolean().default(false),
});
export const SineTaskSchema = z.strictObject({
  kind: z.literal('sine'),
  seqLen: positiveInt(100_000).default(50),
});
export const CsvTaskSchema = z.strictObject({
  kind: z.literal('csv'),
  /** Path of the user's CSV file (one sequence per row, see README). */
  path: z.string().min(1),
  seqLen: positiveInt(100_000).optional(),
});

export const TaskSchema = z.discriminatedUnion('kind', [
  AddingTaskSchema,
  CopyTaskSchema,
  LatchTaskSchema,
  SmnistTaskSchema,
  SineTaskSchema,
  CsvTaskSchema,
]);

export const InitSchema = z.strictObject({
  input: z.enum(INITIALISERS).default('xavier_uniform'),
  recurrent: z.enum(INITIALISERS).default('orthogonal'),
  gain: z.number().positive().max(100).default(1),
  /** Standard deviation for the `normal` initialiser. */
  std: z.number().positive().max(100).default(0.1),
  /** When set, Wh is rescaled so that its spectral radius equals this value. */
  spectralRadius: z.number().positive().max(100).optional(),
});

export const ModelSchema = z.strictObject({
  cell: z.enum(CELLS).default('rnn'),
  hidden: positiveInt(4096).default(64),
  layers: positiveInt(16).default(1),
  activation: z.enum(ACTIVATIONS).default('tanh'),
  init: InitSchema.prefault({}),
  /** Added to the LSTM forget-gate bias (bx_f) at initialisation. */
  forgetBias: z.number().min(-100).max(100).default(1),
});

export const ClipSchema = z.strictObject({
  mode: z.enum(CLIP_MODES).default('none'),
  threshold: z.number().positive().max(1e12).default(1),
});

export const TrainSchema = z.strictObject({
  optimizer: z.enum(OPTIMIZERS).default('adam'),
  lr: z.number().positive().max(100).default(0.001),
  batch: positiveInt(65_536).default(32),
  steps: positiveInt(10_000_000).default(1000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  clip: ClipSchema.prefault({}),
  /** Held-out loss is evaluated every this many steps. */
  evalEvery: positiveInt(1_000_000).default(50),
  /** A checkpoint (weights + optimizer state) is written every this many steps. */
  checkpointEvery: positiveInt(10_000_000).default(500),
});

export const PROBE_SOURCES = ['fixed', 'train'] as const;
export type ProbeSource = (typeof PROBE_SOURCES)[number];

export const ProbeSchema = z.strictObject({
  /** Gradient profiles are measured every this many steps (0 turns probes off). */
  every: z.number().int().min(0).max(10_000_000).default(50),
  /** Batch size of the fixed probe batch. */
  batch: positiveInt(4096).default(32),
  /**
   * Where a profile comes from. `fixed`: its own forward/backward pass on the fixed probe batch after the
   * step, so profiles compare across training at the cost of a second pass. `train`: the training step's own
   * backward pass on its batch (the gradient that step applied, at the weights before its update): nearly
   * free, so it can run every step; its norms are float32's, so they reach 0 below ~1e-38.
   */
  source: z.enum(PROBE_SOURCES).default('fixed'),
  /**
   * The vanilla-RNN spectra (Jacobian norms, their bound, σ_max and spectral radius of Wh) cost T·B·H² per
   * power iteration: they are measured at the profiles whose step is a multiple of this (and the last one).
   */
  spectraEvery: positiveInt(10_000_000).default(1),
});

export const ExperimentSpecSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).default('untitled'),
  task: TaskSchema.default({ kind: 'adding', seqLen: 100 }),
  model: ModelSchema.prefault({}),
  train: TrainSchema.prefault({}),
  probe: ProbeSchema.prefault({}),
});

/** What a user writes (every field optional). */
export type ExperimentSpecInput = z.input<typeof ExperimentSpecSchema>;
/** A spec with every default filled in: what the engine and the store see. */
export type ExperimentSpec = z.output<typeof ExperimentSpecSchema>;
export type TaskSpec = ExperimentSpec['task'];
export type ModelSpec = ExperimentSpec['model'];
export type TrainSpec = ExperimentSpec['train'];
export type ProbeSpec = ExperimentSpec['probe'];
