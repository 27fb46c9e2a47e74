/**
 * Threads for the fused kernel: a run's batch is split into slices of rows, and each thread runs the same
 * kernel call on its slice of the same buffers (the kernel's memory is shared). Batch rows are independent
 * through a layer's time loop, so every row's numbers are exactly what one thread would compute; only sums
 * over the batch (the weight gradients, the norms) are added up per slice, in float64, by the caller.
 *
 * The calling thread runs the first slice itself and waits for the others with Atomics.wait: the engine's
 * training step is synchronous, and a wake-up costs microseconds where a message round trip costs far more.
 * The workers are started from source text (no file to find in tsx, vitest or the bundle) and unref'ed, so
 * they never keep a process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { kernelShared, recurrentKernel } from './recurrent-kernel';

/** Kernel functions a slice can run, by index (the worker source names them in the same order). */
export const KERNEL_OPS = ['forward', 'backward', 'gradRecurrent', 'gradInput', 'project'] as const;
export type KernelOp = (typeof KERNEL_OPS)[number];

/** Int32 control words per worker: sequence number asked, sequence number done, op, argument count, status. */
const SLOT = 8;
const [SEQ, DONE, OP, NARGS, STATUS] = [0, 1, 2, 3, 4];
const MAX_ARGS = 32;
/** The most threads a run may use (and a sanity bound on GRADLAB_THREADS). */
export const MAX_THREADS = 64;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, ctrl, args, index, ops } = workerData;
const k = new WebAssembly.Instance(module, {
  env: { memory, abort: () => { throw new Error('recurrent kernel aborted'); } },
}).exports;
const c = new Int32Array(ctrl, index * ${SLOT * 4}, ${SLOT});
const a = new Float64Array(args, index * ${MAX_ARGS * 8}, ${MAX_ARGS});
let seen = 0;
for (;;) {
  Atomics.wait(c, ${SEQ}, seen);
  seen = Atomics.load(c, ${SEQ});
  let status = 0;
  try {
    k[ops[c[${OP}]]](...Array.from(a.subarray(0, c[${NARGS}])));
  } catch {
    status = 1;
  }
  c[${STATUS}] = status;
  Atomics.store(c, ${DONE}, seen);
  Atomics.notify(c, ${DONE});
}
`;

interface Pool {
  workers: Worker[];
  ctrl: Int32Array;
  args: Float64Array;
}

let pool: Pool | null = null;

function threadsFromEnv(): number {
  const raw = process.env.GRADLAB_THREADS?.trim();
  if (!raw) return Math.min(availableParallelism(), MAX_THREADS);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new Error(`GRADLAB_THREADS="${raw}" is not a thread count: use a whole number from 1 to ${MAX_THREADS}`);
  return n;
}

let threads: number | null = null;

/** Threads the fused kernel splits a batch across: GRADLAB_THREADS, else every core (os.availableParallelism). */
export function kernelThreads(): number {
  threads ??= threadsFromEnv();
  return threads;
}

/** Sets the thread count for kernel calls from now on (tests, the bench); workers start when first needed. */
export function setKernelThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new Error(`Kernel threads must be a whole number from 1 to ${MAX_THREADS}, got ${n}`);
  threads = n;
}

/**
 * Multiply-adds a kernel call needs before it is split across threads. Below it, waking the workers and
 * waiting on them costs more than the slice saves (small configurations, and sweeps of one-thread engines
 * where a split only steals the other run's core), so the call runs whole on the calling thread.
 */
export const SPLIT_MIN_WORK = 2e7;
let splitMinWork = SPLIT_MIN_WORK;

/** Sets the split threshold in multiply-adds (tests pass 0 so that even tiny calls run on every thread). */
export function setSplitMinWork(macs: number): void {
  if (!Number.isFinite(macs) || macs < 0)
    throw new Error(`Split threshold must be a finite number of multiply-adds ≥ 0, got ${macs}`);
  splitMinWork = macs;
}

/** The slices a kernel call over B rows with `work` multiply-adds runs as: one unless it is worth splitting. */
export function workSlices(B: number, work: number): [number, number][] {
  return work < splitMinWork ? [[0, B]] : batchSlices(B, kernelThreads());
}

function ensureWorkers(n: number): Pool {
  const shared = kernelShared();
  if (!shared) throw new Error('The fused recurrent kernel is unavailable');
  pool ??= {
    workers: [],
    ctrl: new Int32Array(new SharedArrayBuffer(MAX_THREADS * SLOT * 4)),
    args: new Float64Array(new SharedArrayBuffer(MAX_THREADS * MAX_ARGS * 8)),
  };
  while (pool.workers.length < n) {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        ...shared,
        ctrl: pool.ctrl.buffer,
        args: pool.args.buffer,
        index: pool.workers.length,
        ops: KERNEL_OPS,
      },
    });
    w.unref();
    pool.workers.push(w);
  }
  return pool;
}

/** Starts the workers for the current thread count now (the engine does this while warming up). */
export function startKernelThreads(): void {
  if (kernelThreads() > 1) ensureWorkers(kernelThreads() - 1);
}

/**
 * Runs one kernel op per argument list, in parallel: the first on this thread, the rest on workers.
 * Returns when all are done; throws if any slice failed.
 */
export function runSlices(op: KernelOp, slices: number[][]): void {
  const k = recurrentKernel()!;
  const call = (args: number[]) => (k[op] as (...a: number[]) => void)(...args);
  if (slices.length === 1) return call(slices[0]!);
  const p = ensureWorkers(slices.length - 1);
  const opIndex = KERNEL_OPS.indexOf(op);
  const asked: number[] = [];
  for (let i = 1; i < slices.length; i++) {
    const base = (i - 1) * SLOT;
    const a = slices[i]!;
    p.args.set(a, (i - 1) * MAX_ARGS);
    p.ctrl[base + OP] = opIndex;
    p.ctrl[base + NARGS] = a.length;
    const seq = Atomics.add(p.ctrl, base + SEQ, 1) + 1;
    asked.push(seq);
    Atomics.notify(p.ctrl, base + SEQ);
  }
  let failed: unknown = null;
  try {
    call(slices[0]!);
  } catch (e) {
    failed = e;
  }
  for (let i = 1; i < slices.length; i++) {
    const base = (i - 1) * SLOT;
    // Bounded: a worker that never answers within a minute is a defect, reported rather than waited on forever.
    for (let d = Atomics.load(p.ctrl, base + DONE); d !== asked[i - 1]; d = Atomics.load(p.ctrl, base + DONE)) {
      if (Atomics.wait(p.ctrl, base + DONE, d, 60_000) === 'timed-out')
        throw new Error(`Kernel thread ${i} did not finish its slice of ${op} within 60 s`);
    }
    if (p.ctrl[base + STATUS] !== 0) failed ??= new Error(`The fused recurrent kernel failed in ${op} on thread ${i}`);
  }
  if (failed) throw failed;
}

/**
 * Row slices [b0, count) for a batch of B rows over `n` threads (at most one per row): boundaries on multiples
 * of 4, the kernel's row block, whenever every slice still gets 4 rows.
 */
export function batchSlices(B: number, n: number): [number, number][] {
  const use = Math.max(1, Math.min(n, B));
  const unit = B >= 4 * use ? 4 : 1;
  const cuts = Array.from({ length: use + 1 }, (_, i) => (i === use ? B : Math.round((i * B) / use / unit) * unit));
  return Array.from({ length: use }, (_, i) => [cuts[i]!, cuts[i + 1]! - cuts[i]!] as [number, number]);
}
