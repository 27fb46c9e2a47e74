/**
 * A lesson as a record: its words (title, claim, explanation), what it trains at each scale, and how it
 * judges the stored measurements. The runner (lesson-runner.ts) starts the runs and hands `evaluate` the
 * stored data of one finished batch; `evaluate` never trains and never writes anything but prediction series.
 */
import type {
  ExperimentSpec,
  ExperimentSpecInput,
  GradientProfile,
  LessonResult,
  LessonScale,
  Localized,
  RunSummary,
  Series,
} from '../api';

/** One run of a lesson, found again in the store by its key (tag `lesson-run:<key>`). */
export interface PlannedRun {
  kind: 'run';
  key: string;
  spec: ExperimentSpecInput;
}

/** A sweep of a lesson: every run of the grid carries the sweep's key. */
export interface PlannedSweep {
  kind: 'sweep';
  key: string;
  name: string;
  base: ExperimentSpecInput;
  grid: Record<string, unknown[]>;
}

export type PlannedItem = PlannedRun | PlannedSweep;

/** Inputs, targets and outputs of a stored model on held-out sequences (lesson 8). */
export interface StoredPredictions {
  /** Model outputs, one per target (NaN/±Infinity kept as they came). */
  predicted: number[];
  target: number[];
  /** Training step of the checkpoint the outputs come from. */
  checkpointStep: number;
  /** NaN/±Infinity values among that checkpoint's weights, and how many weights it has. */
  nonFiniteWeights: number;
  weights: number;
}

/** One stored run of the batch being judged. Series and profiles are read on first use. */
export interface LessonRun {
  key: string;
  run: RunSummary;
  spec: ExperimentSpec;
  series(metric: string): Series | undefined;
  profiles(): GradientProfile[];
  /** Layer 0 of the profile at `step` (nearest recorded), or of the latest profile. */
  profile(step?: number): GradientProfile['layers'][number] | undefined;
}

export interface LessonData {
  scale: LessonScale;
  runs: LessonRun[];
  /** The run planned under `key`; throws when the batch lacks it. */
  run(key: string): LessonRun;
  /** The runs of the sweep planned under `key`, in creation order. */
  sweep(key: string): LessonRun[];
  /**
   * Predictions of the run's latest checkpoint on `count` held-out sequences: computed by an engine process
   * the first time and stored with the run (series `predicted` and `target`), read from the store afterwards.
   */
  predictions(key: string, count: number): Promise<StoredPredictions>;
}

export type LessonOutcome = Pick<LessonResult, 'verdict' | 'headline' | 'measurements' | 'figures'>;

export interface LessonDefinition {
  id: number;
  title: Localized;
  /** The claim in one sentence. */
  claim: Localized;
  /** Paragraphs separated by blank lines, formulas in plain Unicode. */
  explanation: Localized;
  /** What the lesson trains at this scale, in one or two sentences. */
  plan(scale: LessonScale): Localized;
  /** The runs and sweeps to start. Keys are unique within a lesson. */
  items(scale: LessonScale): PlannedItem[];
  /** The verdict and its evidence from one complete batch. */
  evaluate(data: LessonData): LessonOutcome | Promise<LessonOutcome>;
}
