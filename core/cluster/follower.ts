/**
 * The lab's side of one cluster job: it turns the job's stream into the engine messages a RunSession
 * expects, exactly once. Entries arrive at least once (a restarted lab reads its unacknowledged ones again),
 * so what is delivered is keyed by (run, attempt, step): a step, profile or checkpoint at or before the last
 * one delivered is dropped, an attempt older than the newest one heard is refused (that worker lost the run),
 * and a newer attempt's 'started' says from which checkpoint it resumed.
 */
import type { EngineToHost } from '../engine/protocol';
import type { LabStore } from '../store';
import { decodeMessage } from './protocol';

export interface StreamEntry {
  id: string;
  attempt: number;
  payload: Buffer;
}

export interface FollowerDeps {
  store: LabStore;
  deliver: (m: EngineToHost) => void;
  log: (line: string) => void;
}

export class Follower {
  /** The newest attempt heard; entries of older ones are refused. */
  attempt: number;
  private lastStep: number;
  private lastCheckpoint: number;
  private lastProfile: number;
  ended = false;
  /** Entries handled but not yet acknowledged: those with steps wait until the session has stored them. */
  private unacked: { id: string; attempt: number; step: number | null }[] = [];
  refused = 0;

  constructor(
    readonly runId: string,
    readonly jobId: string,
    private readonly deps: FollowerDeps,
  ) {
    const { store } = deps;
    const run = store.getRun(runId);
    this.attempt = Math.max(0, ...store.listAttempts(runId).map((a) => a.attempt));
    this.lastStep = run.stepsDone;
    this.lastCheckpoint = run.lastCheckpointStep ?? -1;
    this.lastProfile = store.getProfiles(runId, { latest: true })[0]?.step ?? -1;
  }

  private refuse(entry: StreamEntry, why: string): void {
    this.refused++;
    this.deps.log(`run ${this.runId}: refused a message from attempt ${entry.attempt} (${why})`);
  }

  handle(entry: StreamEntry): void {
    let step: number | null = null;
    try {
      step = this.apply(entry);
    } finally {
      this.unacked.push({ id: entry.id, attempt: entry.attempt, step });
    }
  }

  /** Delivers what is new in one entry; returns the last step it delivered (stored later, by the session's flush). */
  private apply(entry: StreamEntry): number | null {
    if (this.ended) return null;
    const decoded = decodeMessage(entry.payload);
    if (!decoded.ok) return (this.refuse(entry, decoded.reason), null);
    const m = decoded.message;
    if (m.runId !== this.runId) return (this.refuse(entry, `it speaks of run ${m.runId}`), null);
    if (!Number.isInteger(entry.attempt) || entry.attempt < 1) return (this.refuse(entry, 'no attempt number'), null);
    if (m.type === 'started') {
      if (entry.attempt <= this.attempt) return null; // heard before (redelivery), or a stale worker's
      this.attempt = entry.attempt;
      this.deps.store.recordAttempt(this.runId, {
        attempt: entry.attempt,
        jobId: this.jobId,
        worker: m.worker,
        host: m.host,
        backend: m.backend,
        device: m.device,
        fromStep: m.resumedFrom,
      });
      this.lastStep = Math.min(this.lastStep, m.resumedFrom);
      this.lastCheckpoint = Math.min(this.lastCheckpoint, m.resumedFrom);
      this.lastProfile = Math.min(this.lastProfile, m.resumedFrom);
      this.deps.deliver({
        type: 'started',
        runId: this.runId,
        backend: m.backend,
        device: m.device,
        resumedFrom: m.resumedFrom,
      });
      return null;
    }
    // An attempt may end before it trains (the job was stopped or refused before its engine started): its
    // end is news even without a 'started'.
    const terminal = m.type === 'done' || m.type === 'diverged' || m.type === 'error';
    if (terminal && entry.attempt > this.attempt) this.attempt = entry.attempt;
    if (entry.attempt !== this.attempt) {
      return (
        this.refuse(
          entry,
          entry.attempt < this.attempt ? `attempt ${this.attempt} holds the run now` : 'it never said it started',
        ),
        null
      );
    }
    switch (m.type) {
      case 'steps': {
        const steps = m.steps.filter((s) => s.step > this.lastStep);
        const profiles = (m.profiles ?? []).filter((p) => p.step > this.lastProfile);
        if (steps.length && steps[0]!.step !== this.lastStep + 1)
          return (this.refuse(entry, `steps from ${steps[0]!.step} after step ${this.lastStep}`), null);
        if (!steps.length && !profiles.length) return null;
        if (steps.length) this.lastStep = steps[steps.length - 1]!.step;
        if (profiles.length) this.lastProfile = profiles[profiles.length - 1]!.step;
        this.deps.deliver({ type: 'steps', runId: this.runId, steps, ...(profiles.length ? { profiles } : {}) });
        return steps.length ? this.lastStep : null;
      }
      case 'checkpoint':
        if (m.checkpoint.step <= this.lastCheckpoint) return null;
        if (m.checkpoint.step > this.lastStep)
          return (this.refuse(entry, `a checkpoint at step ${m.checkpoint.step} ahead of step ${this.lastStep}`), null);
        this.lastCheckpoint = m.checkpoint.step;
        this.deps.deliver({
          type: 'checkpoint',
          runId: this.runId,
          checkpoint: { step: m.checkpoint.step, data: new Uint8Array(m.checkpoint.data) },
        });
        return null;
      default:
        this.ended = true;
        this.deps.deliver(m);
        return null;
    }
  }

  /**
   * The ids safe to acknowledge: a prefix of the handled entries whose content is in the store (steps up to
   * stepsDone; everything else is written when it is delivered), or that a newer attempt superseded.
   */
  takeAckable(stepsDone: number, all = false): string[] {
    let n = 0;
    if (all) n = this.unacked.length;
    else
      while (
        n < this.unacked.length &&
        (this.unacked[n]!.step === null ||
          this.unacked[n]!.step! <= stepsDone ||
          this.unacked[n]!.attempt < this.attempt)
      )
        n++;
    return this.unacked.splice(0, n).map((u) => u.id);
  }

  get waitingAcks(): number {
    return this.unacked.length;
  }
}
