/**
 * Host-side figures: what storing a run's metrics costs against its training time, and how much faster a
 * sweep finishes through the queue on every core than one run after another.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ExperimentSpecSchema, type ExperimentSpecInput, type StepMetrics } from '../core/api';
import { runTraining } from '../core/engine/trainer';
import { stepBatcher } from '../core/engine/process/step-batcher';
import { LabStore } from '../core/store';
import { createLab } from '../core/lab/lab';
import { defaultEngineEntry, forkLauncher } from '../core/lab/fork-launcher';

const storedSpec: ExperimentSpecInput = {
  task: { kind: 'adding', seqLen: 100 },
  model: { cell: 'rnn', hidden: 64 },
  train: { steps: 300, batch: 32, evalEvery: 50, checkpointEvery: 100 },
  probe: { every: 50 },
};

/**
 * The same run trained twice in this process: once with its events dropped, once written to a real store
 * the way the host writes them (a transaction per 250 ms). In the app the writes happen in the host while the
 * engine trains in its own process, so this in-process figure is an upper bound.
 */
export async function storeOverhead(
  dir: string,
): Promise<{ trainMs: number; trainAndStoreMs: number; storeMs: number; overhead: number }> {
  const spec = ExperimentSpecSchema.parse(storedSpec);
  // Warm up (backend start, kernel compilation) so both timed runs start from the same state.
  await runTraining(
    { runId: 'bench-warmup', spec: { ...spec, train: { ...spec.train, steps: 5 } } },
    () => {},
    () => false,
  );
  const t0 = performance.now();
  await runTraining(
    { runId: 'bench-a', spec },
    () => {},
    () => false,
  );
  const trainMs = performance.now() - t0;

  const store = LabStore.open(join(dir, 'overhead.db'));
  const run = store.createRun({ spec });
  let pending: StepMetrics[] = [];
  let storeMs = 0;
  let lastFlush = performance.now();
  const write = (f: () => void) => {
    const s = performance.now();
    f();
    storeMs += performance.now() - s;
  };
  const t1 = performance.now();
  // The messages the host hears: the trainer's events coalesced by the engine process's own batcher.
  const batcher = stepBatcher((m) => {
    if (m.type === 'steps') {
      pending.push(...m.steps);
      if (m.profiles) {
        const batch = pending;
        pending = [];
        const profiles = m.profiles.map((profile) => ({ profile }));
        write(() => (store.appendSteps(run.id, batch), store.saveProfiles(run.id, profiles)));
      }
    } else if (m.type === 'checkpoint') write(() => store.saveCheckpoint(run.id, m.checkpoint));
    if (performance.now() - lastFlush > 250 && pending.length) {
      const batch = pending;
      pending = [];
      write(() => (store.appendSteps(run.id, batch), store.heartbeat(run.id)));
      lastFlush = performance.now();
    }
  });
  await runTraining({ runId: run.id, spec }, batcher.send, () => false);
  batcher.flush();
  if (pending.length) write(() => store.appendSteps(run.id, pending));
  const trainAndStoreMs = performance.now() - t1;
  store.close();
  return { trainMs, trainAndStoreMs, storeMs, overhead: storeMs / trainMs };
}

/** Starts one engine process to 'ready' and shuts it down again, outside any lab. */
async function warmEngineFiles(entry: string): Promise<void> {
  const engine = forkLauncher(entry)();
  const exited = new Promise<void>((resolve) => engine.onExit(() => resolve()));
  engine.onMessage((m) => {
    if (m.type === 'ready' || m.type === 'error') engine.send({ type: 'shutdown' });
  });
  await exited;
}

/**
 * 4 identical short runs: one at a time, then through the queue with one engine process per core. Each lab
 * starts its engines from nothing, as a user's would; only the files an engine loads (tsx's transform cache,
 * tfjs and its wasm in the OS page cache) are warmed first, untimed, or the lab timed first would pay for
 * both and flatter the ratio.
 */
export async function sweepThroughput(
  dir: string,
  runs = 4,
  steps = 300,
): Promise<{
  steps: number;
  sequentialMs: number;
  parallelMs: number;
  concurrency: number;
  ratio: number;
  engineEntry: string;
}> {
  const spec = ExperimentSpecSchema.parse({
    ...storedSpec,
    task: { kind: 'adding', seqLen: 50 },
    model: { cell: 'rnn', hidden: 32 },
    train: { ...storedSpec.train, steps },
  });
  // One entry for the whole comparison, said with the figures: the bundle starts in about half tsx's time.
  const entry = defaultEngineEntry();
  await warmEngineFiles(entry);
  const timeWith = async (concurrency: number, name: string) => {
    const lab = createLab({
      mode: 'cli',
      version: 'bench',
      launcher: forkLauncher(entry),
      databasePath: join(dir, `${name}-${steps}.db`),
      concurrency,
    });
    const t0 = performance.now();
    const started = await Promise.all(Array.from({ length: runs }, () => lab.handlers.startRun({ spec })));
    await Promise.all(started.map((r) => lab.whenEnded(r.id)));
    const ms = performance.now() - t0;
    await lab.close();
    return ms;
  };
  const concurrency = availableParallelism();
  const sequentialMs = await timeWith(1, 'sequential');
  const parallelMs = await timeWith(concurrency, 'parallel');
  return {
    steps,
    sequentialMs,
    parallelMs,
    concurrency,
    ratio: parallelMs / sequentialMs,
    engineEntry: relative(process.cwd(), entry),
  };
}

/**
 * What the machine gives two processes at once right now: a fixed CPU loop in one child process, then in two
 * at once. 0.5 means two free cores; more means other work (other tenants of a shared machine) takes its
 * share, and no sweep can beat that figure.
 */
export async function parallelHeadroom(ms = 1500): Promise<number> {
  const loop = `const t=Date.now();let x=0;for(let i=0;i<${Math.round(ms * 2e5)};i++)x+=Math.sqrt(i);process.stdout.write(String(Date.now()-t))`;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      execFile(process.execPath, ['-e', loop], (err, out) => (err ? reject(err) : resolve(Number(out))));
    });
  const t0 = performance.now();
  await once();
  const one = performance.now() - t0;
  const t1 = performance.now();
  await Promise.all([once(), once()]);
  return (performance.now() - t1) / (2 * one);
}

export async function benchLab(log: (l: string) => void = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-bench-lab-'));
  try {
    const o = await storeOverhead(dir);
    log(
      `store  training ${o.trainMs.toFixed(0)} ms, with store ${o.trainAndStoreMs.toFixed(0)} ms; time in store writes ${o.storeMs.toFixed(1)} ms = ${(o.overhead * 100).toFixed(2)}% of training (target < 5%)`,
    );
    const headroom = await parallelHeadroom();
    log(
      `sweep  machine check: two CPU-bound processes at once take ${headroom.toFixed(2)}× the time of running them one after another (0.50 = two free cores)`,
    );
    const s = await sweepThroughput(dir);
    log(
      `sweep  engines start from ${s.engineEntry}${s.engineEntry.endsWith('.ts') ? ' through tsx (no built bundle, or one older than core/)' : ' (the built bundle)'}`,
    );
    log(
      `sweep  4 runs of ${s.steps} steps one at a time ${s.sequentialMs.toFixed(0)} ms, through the queue on ${s.concurrency} cores ${s.parallelMs.toFixed(0)} ms: ratio ${s.ratio.toFixed(2)} (target ≤ 0.60)`,
    );
    // The same runs 10× longer: what the queue gives once per-run costs (engine start, JIT warm-up) are small.
    const long = await sweepThroughput(dir, 4, 3000);
    log(
      `sweep  4 runs of ${long.steps} steps one at a time ${long.sequentialMs.toFixed(0)} ms, through the queue on ${long.concurrency} cores ${long.parallelMs.toFixed(0)} ms: ratio ${long.ratio.toFixed(2)}`,
    );
    return { storeOverhead: o, parallelHeadroom: headroom, sweep: s, sweepLong: long };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
