/**
 * Everything the live view knows about one run, accumulated outside React: events append to plain arrays
 * here and the view re-renders at most once per animation frame (see useRunStream). History loaded from the
 * store and events that arrive meanwhile are merged by step, so nothing is drawn twice or lost.
 */
import type { ExperimentSpec, GradientProfile, LabEvent, RunSummary, Series, StepMetrics } from '../../../core/api';
import { m4Indices } from '../../../core/shared/decimate';

type Divergence = NonNullable<RunSummary['divergence']>;

export interface Column {
  step: number[];
  value: number[];
}

/**
 * Columns longer than this are thinned to half of it by M4 (first, lowest, highest, last per column; the
 * figures' rule, core/shared/decimate.ts), so a million-step run does not fill the page's memory.
 */
export const MAX_COLUMN = 100_000;
/**
 * Profiles kept for the flow slider and the heatmap: a run probed every step sends thousands. Past this the
 * kept ones are halved (every other one, the first kept) and only every stride-th new one stays, so the
 * history stays evenly spaced; the newest profile is always there, whatever the stride.
 */
export const MAX_PROFILES = 1000;
/** Steps per second are measured over this recent window. */
const RATE_WINDOW_MS = 20_000;

export class RunBuffer {
  run: RunSummary | null = null;
  spec: ExperimentSpec | null = null;
  readonly metrics = new Map<string, Column>();
  profiles: GradientProfile[] = [];
  /** Of the profiles arriving in order, every stride-th is kept (see MAX_PROFILES). */
  private stride = 1;
  /** Profiles arrived since the last one kept on the grid. */
  private sinceGrid = 0;
  /** The last kept profile is only the newest, off the stride: the next arrival replaces it. */
  private latestIsTransient = false;
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
      const span = (c.step.at(-1) as number) - (c.step[0] as number);
      // At most 4 points per column: MAX_COLUMN / 8 columns leave at most about MAX_COLUMN / 2.
      const keep = m4Indices(c.step, c.value, span / (MAX_COLUMN / 8));
      c.step = keep.map((i) => c.step[i] as number);
      c.value = keep.map((i) => c.value[i] as number);
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

  /** A resume dropped what came after the checkpoint at `step`: so does the page, and the run goes on from there. */
  truncateAfter(step: number): void {
    for (const c of this.metrics.values()) {
      const keep = c.step.findIndex((x) => x > step);
      if (keep !== -1) {
        c.step = c.step.slice(0, keep);
        c.value = c.value.slice(0, keep);
      }
    }
    this.profiles = this.profiles.filter((p) => p.step <= step);
    this.latestIsTransient = false;
    this.sinceGrid = 0;
    this.lastStep = Math.min(this.lastStep, step);
    this.recent = [];
    this.divergence = null;
    this.failure = null;
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
    const last = this.profiles.at(-1);
    if (!last || p.step > last.step) {
      this.sinceGrid++;
      const onGrid = this.sinceGrid >= this.stride;
      if (this.latestIsTransient) this.profiles[this.profiles.length - 1] = p;
      else this.profiles.push(p);
      this.latestIsTransient = !onGrid;
      if (onGrid) this.sinceGrid = 0;
      if (this.profiles.length > MAX_PROFILES) this.halveProfiles();
      return;
    }
    const at = this.profiles.findIndex((q) => q.step >= p.step);
    if (at === -1) this.profiles.push(p);
    else if (this.profiles[at]?.step === p.step) this.profiles[at] = p;
    else this.profiles.splice(at, 0, p);
  }

  /** Keeps every other grid profile and doubles the stride; the newest stays, off the grid if need be. */
  private halveProfiles(): void {
    const tail = this.latestIsTransient ? this.profiles.pop()! : null;
    const grid = this.profiles;
    const lastDropped = (grid.length - 1) % 2 === 1;
    this.profiles = grid.filter((_p, i) => i % 2 === 0);
    // Arrivals since the last grid point that survives: the dropped one was a whole stride after it.
    if (lastDropped) this.sinceGrid += this.stride;
    this.stride *= 2;
    const newest = tail ?? (lastDropped ? grid[grid.length - 1]! : null);
    if (newest) this.profiles.push(newest);
    this.latestIsTransient = newest !== null;
  }

  /** Applies one LabEvent; false when it concerns another run. */
  apply(e: LabEvent): boolean {
    switch (e.type) {
      case 'run.steps':
        if (e.runId !== this.runId) return false;
        this.addSteps(e.steps, e.stepsTotal);
        return true;
      case 'run.profiles':
        if (e.runId !== this.runId) return false;
        for (const p of e.profiles) this.addProfile(p);
        return true;
      case 'run.deleted':
        return e.runId === this.runId;
      case 'lesson.updated':
      case 'replication.updated':
        return false;
      default:
        if (e.run.id !== this.runId) return false;
        // A takeover on the cluster (or a resume) trains again from a checkpoint: the store dropped the steps
        // after it, so must the view, or the lost worker's points stay drawn until a reload.
        if (e.type === 'run.started' && e.resumedFrom !== undefined) this.truncateAfter(e.resumedFrom);
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
