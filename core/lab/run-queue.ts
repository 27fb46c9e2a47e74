import type { ExperimentSpec } from '../api';

/** A run waiting for a slot, with the spec parsed when it was queued, so its launch need not parse it again. */
export interface QueuedRun {
  runId: string;
  spec: ExperimentSpec;
}

/** Runs wait in arrival order and start while fewer than `concurrency` are training. */
export class RunQueue {
  private readonly waiting: QueuedRun[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly concurrency: number,
    /** Starts a run; the returned promise settles when its slot is free again. */
    private readonly startRun: (run: QueuedRun) => Promise<unknown>,
  ) {}

  enqueue(run: QueuedRun): void {
    this.waiting.push(run);
    this.pump();
  }

  /** Takes a run out of the queue before it starts; false when it was not waiting. */
  remove(runId: string): boolean {
    const i = this.waiting.findIndex((w) => w.runId === runId);
    if (i === -1) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  /** Starts nothing more; runs still waiting stay where they are. */
  close(): void {
    this.closed = true;
  }

  /** Runs waiting for a slot, in order. */
  get waitingIds(): readonly string[] {
    return this.waiting.map((w) => w.runId);
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.waiting.length) {
      const next = this.waiting.shift()!;
      this.running++;
      void this.startRun(next)
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
