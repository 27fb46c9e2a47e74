/** Runs wait in arrival order and start while fewer than `concurrency` are training. */
export class RunQueue {
  private readonly waiting: string[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly concurrency: number,
    /** Starts a run; the returned promise settles when its slot is free again. */
    private readonly startRun: (runId: string) => Promise<unknown>,
  ) {}

  enqueue(runId: string): void {
    this.waiting.push(runId);
    this.pump();
  }

  /** Takes a run out of the queue before it starts; false when it was not waiting. */
  remove(runId: string): boolean {
    const i = this.waiting.indexOf(runId);
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
    return this.waiting;
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.waiting.length) {
      const id = this.waiting.shift()!;
      this.running++;
      void this.startRun(id)
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
