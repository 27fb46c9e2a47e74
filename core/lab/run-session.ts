/**
 * One run in one engine process, from `start` to its end. The engine streams; this session batches what it
 * hears into store transactions (every FLUSH_MS), keeps the heartbeat, and turns every way a run can end,
 * including its process dying, into exactly one final status. The engine is leased from the pool: it goes
 * back for the next run only when it reported the end of this one itself.
 */
import type { ExperimentSpec, GradientProfile, LabEvent, RunSummary, StepMetrics } from '../api';
import type { Checkpoint, EngineToHost } from '../engine/protocol';
import type { LabStore } from '../store';
import type { EngineLease, LeaseEngine } from './engine-pool';
import { FinalMetricsTracker } from './final-metrics';

export interface SessionDeps {
  store: LabStore;
  launch: LeaseEngine;
  emit: (event: LabEvent) => void;
  flushMs: number;
  /** How long a stopped engine may take to finish its step before it is killed. */
  stopGraceMs: number;
}

export class RunSession {
  private engine: EngineLease | null = null;
  private pending: StepMetrics[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ended = false;
  private stopRequested = false;
  private final: FinalMetricsTracker;
  readonly done: Promise<RunSummary>;
  private resolveDone!: (run: RunSummary) => void;

  constructor(
    private readonly deps: SessionDeps,
    readonly runId: string,
    private readonly spec: ExperimentSpec,
    private readonly resume: Checkpoint | null,
  ) {
    this.done = new Promise((r) => (this.resolveDone = r));
    this.final = resume ? this.finalAt(resume.step) : new FinalMetricsTracker();
  }

  /** A run taken up at a checkpoint: the step it starts after, and the horizon its stored profiles end with. */
  private finalAt(step: number): FinalMetricsTracker {
    const tracker = new FinalMetricsTracker({ steps: step });
    const latest = this.deps.store.getProfiles(this.runId, { latest: true })[0];
    if (latest) tracker.profile(latest);
    return tracker;
  }

  start(): void {
    const engine = this.deps.launch();
    this.engine = engine;
    engine.onMessage((m) => this.onMessage(m));
    engine.onExit((code, signal) => {
      if (this.ended) return;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      this.end({ status: 'failed', error: `The engine process ${how} before the run finished` });
    });
    this.timer = setInterval(() => this.flush(), this.deps.flushMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.ended || this.stopRequested) return;
    this.stopRequested = true;
    this.engine?.send({ type: 'stop' });
    setTimeout(() => {
      if (!this.ended) this.end({ status: 'stopped', error: null });
    }, this.deps.stopGraceMs).unref();
  }

  /**
   * Lets go of a run that trains on without this host (a cluster run when the lab closes): what was heard is
   * stored, the run stays `running`, and the next lab on this file takes it back. Settles `done`.
   */
  detach(): void {
    if (this.ended) return;
    this.flush();
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    this.engine?.release(false);
    this.resolveDone(this.deps.store.getSummary(this.runId));
  }

  private onMessage(m: EngineToHost): void {
    if (this.ended) return;
    // A leased engine speaks of this run only; anything else is not ours to record.
    if ('runId' in m && m.runId !== null && m.runId !== this.runId) return;
    const { store, emit } = this.deps;
    try {
      switch (m.type) {
        case 'ready':
          this.engine?.send({
            type: 'start',
            runId: this.runId,
            spec: this.spec,
            ...(this.resume ? { resume: this.resume } : {}),
          });
          return;
        case 'started':
          // A cluster attempt taking over from a lost worker trains again from its checkpoint: what the lost
          // one stored after it goes, as on a local resume (the flush first, so nothing held outlives it).
          if (m.resumedFrom !== undefined) {
            this.flush();
            if (store.getSummary(this.runId).stepsDone > m.resumedFrom) store.truncateAfter(this.runId, m.resumedFrom);
            this.final = this.finalAt(m.resumedFrom);
          }
          emit({
            type: 'run.started',
            run: store.markStarted(this.runId, { backend: m.backend, device: m.device }),
            ...(m.resumedFrom !== undefined ? { resumedFrom: m.resumedFrom } : {}),
          });
          return;
        case 'steps':
          for (const s of m.steps) {
            this.pending.push(s);
            this.final.step(s);
          }
          if (m.profiles?.length) this.saveProfiles(m.profiles);
          return;
        case 'checkpoint':
          this.flush();
          store.saveCheckpoint(this.runId, m.checkpoint);
          return;
        case 'done':
          this.end({ status: m.status, engineIdle: true });
          return;
        case 'diverged':
          this.end({
            status: 'diverged',
            divergence: { step: m.step, tensor: m.tensor },
            engineIdle: true,
          });
          return;
        case 'error':
          this.end({ status: 'failed', error: m.message });
          return;
      }
    } catch (e) {
      this.end({
        status: 'failed',
        error: `The host could not record the run: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** After the steps they follow are stored (their wall times come from there): one transaction for all. */
  private saveProfiles(profiles: GradientProfile[]): void {
    const { store, emit } = this.deps;
    const wallAt = new Map(this.pending.map((s) => [s.step, s.wallMs]));
    this.flush();
    store.saveProfiles(
      this.runId,
      profiles.map((profile) => {
        const wallMs = wallAt.get(profile.step);
        return wallMs === undefined ? { profile } : { profile, wallMs };
      }),
    );
    for (const profile of profiles) this.final.profile(profile);
    // One event per batch the engine sent, as for steps: the page hears profiles at the rate it hears steps.
    emit({ type: 'run.profiles', runId: this.runId, profiles });
  }

  /** One transaction for everything heard since the last flush, plus the heartbeat. */
  private flush(): void {
    if (this.ended && this.pending.length === 0) return;
    const { store, emit } = this.deps;
    if (this.pending.length) {
      const steps = this.pending;
      this.pending = [];
      store.appendSteps(this.runId, steps);
      emit({ type: 'run.steps', runId: this.runId, steps, stepsTotal: this.spec.train.steps });
    }
    if (!this.ended) store.heartbeat(this.runId);
  }

  /** engineIdle: the engine itself reported the run's end, so it is idle and may train the next one. */
  private end(end: {
    status: 'completed' | 'stopped' | 'diverged' | 'failed';
    divergence?: { step: number; tensor: string };
    error?: string | null;
    engineIdle?: boolean;
  }): void {
    if (this.ended) return;
    try {
      this.flush();
    } catch (e) {
      end = {
        status: 'failed',
        error: `The host could not record the last steps: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    const { store, emit } = this.deps;
    const final = this.final.current;
    const run = store.finishRun(this.runId, {
      status: end.status,
      final,
      divergence: end.divergence ?? null,
      error: end.error ?? null,
    });
    if (end.status === 'diverged' && end.divergence) emit({ type: 'run.diverged', run, divergence: end.divergence });
    else if (end.status === 'failed') emit({ type: 'run.failed', run, reason: end.error ?? 'unknown' });
    else emit({ type: 'run.finished', run, final });
    // Given back before `done` settles, so the queue's next run finds the engine waiting.
    this.engine?.release(end.status !== 'failed' && end.engineIdle === true);
    this.resolveDone(run);
  }
}
