/**
 * Everything the live view knows about one run, accumulated outside React: events append to plain arrays
 * here and the view re-renders at most once per animation frame (see useRunStream). History loaded from the
 * store and events that arrive meanwhile are merged by step, so nothing is drawn twice or lost.
 */
import type { ExperimentSpec, GradientProfile, LabEvent, RunSummary, Series, StepMetrics } from '../../../core/api';
import { decimate } from '../charts/downsample';

type Divergence = NonNullable<RunSummary['divergence']>;

export interface Column {
  step: number[];
  value: number[];
}

/** Columns longer than this are thinned (min/max kept) so a million-step run does not fill the page's memory. */
const MAX_COLUMN = 100_000;
/** Steps per second are measured over this recent window. */
const RATE_WINDOW_MS = 20_000;

export class RunBuffer {
  run: RunSummary | null = null;
  spec: ExperimentSpec | null = null;
  readonly metrics = new Map<string, Column>();
  profiles: GradientProfile[] = [];
  stepsTotal = 0;
  lastStep = 0;
  divergence: Divergence | null = null;
  failure: string | null = null;
  /** Recent (wall time, step) pairs for the rate and the ETA. */
  private recent: { wallMs: number; step: number }[] = [];

  constructor(readonly runId: string) {}

  column(metric: string): Column {
    let c = this.metrics.get(metric);
    if (!c) this.metrics.set(metric, (c = { step: [], value: [] }));
    return c;
  }

  private push(metric: string, step: number, value: number): void {
    const c = this.column(metric);
    c.step.push(step);
    c.value.push(value);
    if (c.step.length > MAX_COLUMN) {
      const thin = decimate(c.step, c.value, MAX_COLUMN / 2, () => true);
      c.step = thin.map((p) => p.x);
      c.value = thin.map((p) => p.y);
    }
  }

  loadHistory(run: RunSummary & { spec?: ExperimentSpec }, series: Series[], profiles: GradientProfile[]): void {
    this.setRun(run);
    if (run.spec) this.spec = run.spec;
    for (const s of series) {
      const c = this.column(s.metric);
      c.step = [...s.step];
      c.value = [...s.value];
      const last = s.step.at(-1);
      if (last !== undefined && last > this.lastStep) this.lastStep = last;
    }
    for (const p of profiles) this.addProfile(p);
  }

  setRun(run: RunSummary): void {
    this.run = run;
    this.stepsTotal = run.stepsTotal || this.stepsTotal;
    if (run.stepsDone > this.lastStep && this.metrics.size === 0) this.lastStep = run.stepsDone;
    if (run.divergence) this.divergence = run.divergence;
    if (run.error) this.failure = run.error;
  }

  addSteps(steps: StepMetrics[], stepsTotal: number): void {
    this.stepsTotal = stepsTotal || this.stepsTotal;
    for (const s of steps) {
      // History already holds steps up to lastStep; an event replayed across the load is skipped.
      if (s.step <= this.lastStep && this.column('loss').step.length > 0) continue;
      this.lastStep = s.step;
      this.push('loss', s.step, s.loss);
      this.push('gradNorm', s.step, s.gradNorm);
      this.push('clipped', s.step, s.clipped ? 1 : 0);
      if (s.heldoutLoss !== undefined) this.push('heldoutLoss', s.step, s.heldoutLoss);
      if (s.accuracy !== undefined) this.push('accuracy', s.step, s.accuracy);
      if (s.heldoutAccuracy !== undefined) this.push('heldoutAccuracy', s.step, s.heldoutAccuracy);
      this.recent.push({ wallMs: s.wallMs, step: s.step });
    }
    const last = this.recent.at(-1);
    if (last) this.recent = this.recent.filter((r) => last.wallMs - r.wallMs <= RATE_WINDOW_MS);
  }

  addProfile(p: GradientProfile): void {
    const at = this.profiles.findIndex((q) => q.step >= p.step);
    if (at === -1) this.profiles.push(p);
    else if (this.profiles[at]?.step === p.step) this.profiles[at] = p;
    else this.profiles.splice(at, 0, p);
  }

  /** Applies one LabEvent; false when it concerns another run. */
  apply(e: LabEvent): boolean {
    switch (e.type) {
      case 'run.steps':
        if (e.runId !== this.runId) return false;
        this.addSteps(e.steps, e.stepsTotal);
        return true;
      case 'run.profile':
        if (e.runId !== this.runId) return false;
        this.addProfile(e.profile);
        return true;
      case 'run.deleted':
        return e.runId === this.runId;
      case 'lesson.updated':
        return false;
      default:
        if (e.run.id !== this.runId) return false;
        this.setRun(e.run);
        if (e.type === 'run.diverged') this.divergence = e.divergence;
        if (e.type === 'run.failed') this.failure = e.reason;
        return true;
    }
  }

  /** Steps per second over the recent window, or null before there are two samples. */
  stepsPerSecond(): number | null {
    const first = this.recent[0];
    const last = this.recent.at(-1);
    if (!first || !last || last.wallMs <= first.wallMs) return null;
    return ((last.step - first.step) * 1000) / (last.wallMs - first.wallMs);
  }

  /** Seconds left at the current rate, or null when unknown. */
  etaSeconds(): number | null {
    const rate = this.stepsPerSecond();
    if (!rate || !this.stepsTotal) return null;
    return Math.max(0, (this.stepsTotal - this.lastStep) / rate);
  }
}
