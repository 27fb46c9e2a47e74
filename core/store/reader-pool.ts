/**
 * Reader threads for the history's heavy reads (run lists, series, profiles, seed bands): better-sqlite3 is
 * synchronous, so a read on the lab's own thread holds up the training events and writes queued behind it.
 * Each thread has its own read-only connection (WAL lets readers run while the lab writes).
 *
 * A thread that dies is replaced, and the calls it held answer `unavailable` (never hang); so does a call
 * that takes longer than callTimeoutMs (its thread is ended and replaced). close() ends every thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LabError } from '../api/errors';
import type { ReadArgs, ReadOpName, ReadResult } from './read-ops';
import type { FromReader, ReaderData, ToReader } from './reader-protocol';

export interface ReaderPoolOptions {
  /** The lab database; the lab's own connection must have opened (and migrated) it first. */
  path: string;
  /** Threads (default 1: on a small machine a second reader takes a core from training). */
  size?: number;
  /** A call still unanswered after this long answers `unavailable` and its thread is replaced (default 30 s). */
  callTimeoutMs?: number;
  /** The thread's entry file (tests start their own, with operations that crash or hang). */
  entry?: string;
}

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Set when the thread has been replaced: its late answers and its exit are no longer the pool's. */
  retired: boolean;
}

/** The TypeScript entry through tsx in a checkout, else the built bundle's reader (electron-vite's `reader` input). */
export function defaultReaderEntry(): string {
  const source = fileURLToPath(new URL('./reader-worker.mjs', import.meta.url));
  if (existsSync(source)) return source;
  // In the bundle this module is out/main/index.js or one of its chunks.
  for (const p of ['./reader.js', '../reader.js']) {
    const built = fileURLToPath(new URL(p, import.meta.url));
    if (existsSync(built)) return built;
  }
  return source;
}

export class ReaderPool {
  private readonly readers: Reader[] = [];
  private readonly options: Required<ReaderPoolOptions>;
  private nextId = 1;
  private turn = 0;
  private closed = false;
  /** Threads started to replace dead ones (for tests and the report). */
  replaced = 0;
  /** Set when threads keep dying (MAX_RESTARTS within RESTART_WINDOW_MS): the lab then reads on its own thread. */
  broken: LabError | null = null;
  private restarts: number[] = [];

  constructor(options: ReaderPoolOptions) {
    this.options = {
      size: Math.max(1, Math.floor(options.size ?? 1)),
      callTimeoutMs: options.callTimeoutMs ?? 30_000,
      entry: options.entry ?? defaultReaderEntry(),
      path: options.path,
    };
  }

  /** Runs the read on the least busy thread. */
  call<K extends ReadOpName>(op: K, args: ReadArgs<K>): Promise<ReadResult<K>> {
    return this.send(op, args) as Promise<ReadResult<K>>;
  }

  /** Any named operation of the thread's entry (the tests' crash and hang); timeoutMs overrides callTimeoutMs. */
  send(op: string, args: unknown, timeoutMs = this.options.callTimeoutMs): Promise<unknown> {
    if (this.closed)
      return Promise.reject(new LabError('unavailable', 'The lab is closing: the history is not read any more'));
    if (this.broken) return Promise.reject(this.broken);
    const reader = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reader.pending.delete(id);
        reject(
          new LabError(
            'unavailable',
            `Reading the history (${op}) took longer than ${timeoutMs} ms and was abandoned; try again`,
          ),
        );
        this.replace(reader, null);
      }, timeoutMs);
      reader.pending.set(id, { resolve, reject, timer });
      reader.worker.postMessage({ type: 'call', id, op, args } as ToReader);
    });
  }

  /** Starts the threads now rather than at the first read (a window is about to ask for its run list). */
  warm(): void {
    if (!this.closed && !this.broken) while (this.readers.length < this.options.size) this.readers.push(this.spawn());
  }

  /** Every thread forgets what it cached of the run's series. */
  invalidate(runId: string): void {
    for (const r of this.readers) r.worker.postMessage({ type: 'invalidate', runId } satisfies ToReader);
  }

  /** Thread ids of the live readers (started at the first read). */
  get threadIds(): number[] {
    return this.readers.map((r) => r.worker.threadId);
  }

  /** Ends every thread; calls still waiting answer `unavailable`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const readers = this.readers.splice(0);
    for (const r of readers) {
      r.retired = true;
      this.fail(r, 'The lab closed while the history was being read');
    }
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  private pick(): Reader {
    // Threads start at the first read (or warm()): a lab that never reads its history (a CLI command) starts none.
    this.warm();
    let best = this.readers[this.turn++ % this.readers.length]!;
    for (const r of this.readers) if (r.pending.size < best.pending.size) best = r;
    return best;
  }

  private spawn(): Reader {
    const worker = new Worker(this.options.entry, {
      workerData: { path: this.options.path } satisfies ReaderData,
      // Child threads of a tsx process inherit its loader flags; the .mjs entry registers tsx itself.
      execArgv: [],
    });
    const reader: Reader = { worker, pending: new Map(), retired: false };
    worker.on('message', (m: FromReader) => {
      const p = reader.pending.get(m.id);
      if (!p) return;
      reader.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else p.reject(LabError.fromData(m.error));
    });
    worker.on('error', (e) => this.replace(reader, e));
    worker.on('exit', (code) => this.replace(reader, new Error(`it exited with code ${code}`)));
    // A reader waiting for calls does not keep the process alive.
    worker.unref();
    return reader;
  }

  private fail(reader: Reader, message: string): void {
    for (const [id, p] of reader.pending) {
      clearTimeout(p.timer);
      reader.pending.delete(id);
      p.reject(new LabError('unavailable', message));
    }
  }

  /** The thread died (cause) or is stuck (null): its calls fail, a new thread takes its place. */
  private replace(reader: Reader, cause: Error | null): void {
    if (reader.retired) return;
    reader.retired = true;
    this.fail(reader, `The history reader stopped (${cause ? cause.message : 'a read hung'}); try again`);
    if (!cause) void reader.worker.terminate();
    const i = this.readers.indexOf(reader);
    if (this.closed || i === -1) return;
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      // A thread that cannot even start (a missing entry, a file it cannot open) would be restarted forever.
      this.broken = new LabError(
        'unavailable',
        `The history readers stopped ${this.restarts.length} times within ${RESTART_WINDOW_MS / 1000} s (last: ${cause ? cause.message : 'a read hung'})`,
      );
      this.readers.splice(i, 1);
      for (const r of this.readers.splice(0)) {
        r.retired = true;
        this.fail(r, this.broken.message);
        void r.worker.terminate();
      }
      return;
    }
    this.readers[i] = this.spawn();
    this.replaced++;
  }
}
