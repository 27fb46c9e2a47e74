/**
 * Sizes and specs the lessons share. `default` fits a few minutes per lesson on a 2-core CPU (wasm backend);
 * `reduced` keeps every effect but runs in seconds, for the test suite and a quick look.
 */
import type { ExperimentSpecInput, LessonMeasurement, LessonScale, Localized } from '../api';
import { fmt } from './fit';
import { L, perLang } from './text';
import type { LessonRun } from './types';

export interface ScaleSizes {
  /** Sequence length of the gradient-flow lessons. */
  T: number;
  hidden: number;
  /** Probe batch: the profile is an average over this many sequences. */
  probeBatch: number;
}

export const SIZES: Record<LessonScale, ScaleSizes> = {
  default: { T: 100, hidden: 32, probeBatch: 32 },
  reduced: { T: 50, hidden: 16, probeBatch: 16 },
};

/** The adding problem's reference levels: predicting the mean scores 1/6; knowing only the later number, 1/12. */
export const ADDING_MEAN_MSE = 1 / 6;
export const ADDING_ONE_NUMBER_MSE = 1 / 12;

/**
 * A spec that only needs its initial gradient profile: a few training steps (a run must train at least one),
 * probes at step 0 and at the end.
 */
export function initialProfileSpec(
  name: string,
  scale: LessonScale,
  model: NonNullable<ExperimentSpecInput['model']>,
  T = SIZES[scale].T,
): ExperimentSpecInput {
  const s = SIZES[scale];
  return {
    name,
    task: { kind: 'adding', seqLen: T },
    model: { hidden: s.hidden, ...model },
    train: { optimizer: 'adam', lr: 1e-3, batch: 32, steps: 5, seed: 1, evalEvery: 5, checkpointEvery: 5 },
    probe: { every: 5, batch: s.probeBatch },
  };
}

/**
 * The exploding configuration of lessons 2, 5 and 8: a tanh RNN whose Wh (Gaussian) is scaled to spectral
 * radius 2, trained by plain SGD with a large step. Its Jacobians have norms up to γ·σ_max ≈ 3.5.
 */
export function explodingSpec(name: string, scale: LessonScale, clip: boolean): ExperimentSpecInput {
  const s = SIZES[scale];
  return {
    name,
    task: { kind: 'adding', seqLen: s.T },
    model: { cell: 'rnn', activation: 'tanh', hidden: s.hidden, init: { recurrent: 'normal', spectralRadius: 2 } },
    train: {
      optimizer: 'sgd',
      lr: 0.1,
      batch: 32,
      steps: scale === 'default' ? 300 : 150,
      seed: 1,
      evalEvery: 25,
      checkpointEvery: 10,
      clip: clip ? { mode: 'norm', threshold: 1 } : { mode: 'none' },
    },
    probe: { every: scale === 'default' ? 50 : 25, batch: s.probeBatch },
  };
}

const NOT_MEASURED = L('not measured', '未测得');

/** Units several lessons use. */
export const PER_STEP_BACK = L('factor per step back', '每回传一步的因子');
export const STEPS = L('steps', '步');
export const TIMES = L('times', '倍');
export const LAST_QUARTER = L('median of the last quarter of training', '训练最后四分之一的中位数');

/** A measurement row; non-finite values travel as null (JSON has no NaN), their reading goes in the unit. */
export function measure(label: Localized, value: number | null | undefined, unit?: Localized): LessonMeasurement {
  const finite = typeof value === 'number' && Number.isFinite(value);
  const note = value === undefined || value === null ? NOT_MEASURED : finite ? undefined : L(fmt(value), fmt(value));
  const parts = [unit, note].filter((p): p is Localized => p !== undefined);
  if (!parts.length) return { label, value: finite ? value : null };
  return {
    label,
    value: finite ? value : null,
    unit: perLang((lang) => parts.map((p) => p[lang]).join(lang === 'zh-CN' ? '，' : ', ')),
  };
}

/** Figure file names: `lesson-3-decay`. */
export function figureName(id: number, slug: string): string {
  return `lesson-${id}-${slug}`;
}

/** Legend names without the "lesson N: " prefix the run names carry in the run list. */
export function shortNames(runs: readonly LessonRun[]): Record<string, string> {
  return Object.fromEntries(runs.map((r) => [r.run.id, r.run.name.replace(/^lesson \d+:\s*/, '')]));
}

/**
 * The held-out loss late in training: the median of the evaluations in the last quarter of the steps.
 * A single final evaluation of a fast-learning but unstable net (an IRNN) can land on a spike.
 */
export function lateHeldout(r: LessonRun): number {
  const s = r.series('heldoutLoss');
  if (!s || s.value.length === 0) return r.run.final.heldoutLoss ?? NaN;
  const last = s.step[s.step.length - 1] as number;
  const vals = s.value.filter((_, i) => (s.step[i] as number) >= 0.75 * last).sort((a, b) => a - b);
  const n = vals.length;
  return n % 2 ? (vals[(n - 1) / 2] as number) : ((vals[n / 2 - 1] as number) + (vals[n / 2] as number)) / 2;
}
