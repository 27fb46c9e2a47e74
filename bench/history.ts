/**
 * A year of runs: writes a realistic 10,000-run history straight into a store (mixed cells, tasks, statuses,
 * tags, 1,000–100,000 steps each, created over 365 days; a 50-run sweep of 10 specs × 5 seeds; one
 * 1,000,000-step run) and times, over the real HTTP binding in this process, the calls the Runs and Compare
 * views make: open, search, filter by status and tag, sort by final loss, page; Compare's 50 series and seed
 * bands; the 1,000,000-step loss chart's series. Prints the database size per run and per 10,000 steps.
 *
 * Each run's loss is stored at 500 evenly spaced steps (a logging interval), the 1,000,000-step run at every
 * step: writing every step of 10,000 runs (≈500 M points) would take hours and ~12 GB here.
 *
 * What is timed is the API round trip (request to parsed JSON); the window's drawing on top is not (yet).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CELLS,
  createDispatcher,
  toWire,
  fromWire,
  TOKEN_HEADER,
  type ExperimentSpecInput,
  ExperimentSpecSchema,
} from '../core/api';
import { createLab } from '../core/lab/lab';
import { forkLauncher } from '../core/lab/fork-launcher';
import { LabStore } from '../core/store';
import { startLabServer } from '../main/http/server';

const STATUSES = [
  ['completed', 0.7],
  ['diverged', 0.1],
  ['stopped', 0.08],
  ['failed', 0.07],
  ['interrupted', 0.05],
] as const;
const TAGS = [
  'baseline',
  'lstm-study',
  'clip',
  'ablation',
  'paper',
  'lesson:1',
  'lesson:3',
  'long',
  'orthogonal',
  'sweep-a',
];
const TASKS: ExperimentSpecInput['task'][] = [
  { kind: 'adding', seqLen: 100 },
  { kind: 'copy', seqLen: 50 },
  { kind: 'latch', seqLen: 80 },
  { kind: 'sine', seqLen: 50 },
  { kind: 'smnist' },
];

/** The 50 runs of the Compare sweep carry this tag: the window's bench finds them with the tag filter. */
export const COMPARE_TAG = 'compare-50';
/** The name of the 1,000,000-step run. */
export const MILLION_NAME = 'a million steps';

/** Deterministic, so two bench runs write the same history. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lossCurve(steps: number, points: number, r: () => number, from = 0): { step: number; value: number }[] {
  const tau = steps / (2 + 4 * r());
  const floor = 0.01 + 0.2 * r();
  return Array.from({ length: points }, (_, i) => {
    const step = from + Math.max(1, Math.round(((i + 1) * steps) / points));
    return { step, value: floor + Math.exp(-step / tau) + 0.01 * r() };
  });
}

export interface HistoryOptions {
  runs?: number;
  pointsPerRun?: number;
  log?: (line: string) => void;
}

/** Writes the history; returns the ids of the Compare sweep and of the 1,000,000-step run. */
export function writeHistory(
  dbPath: string,
  options: HistoryOptions = {},
): { sweepId: string; sweepRunIds: string[]; bigRunId: string } {
  const runs = options.runs ?? 10_000;
  const points = options.pointsPerRun ?? 500;
  const r = rng(12);
  const start = Date.now() - 365 * 86_400_000;
  let clock = start;
  const store = LabStore.open(dbPath, { now: () => new Date(clock) });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const status = () => {
    let u = r();
    for (const [s, p] of STATUSES) if ((u -= p) < 0) return s;
    return 'completed';
  };
  for (let i = 0; i < runs; i++) {
    clock = start + (i / runs) * 365 * 86_400_000;
    const steps = Math.round(1000 * 100 ** r());
    const cell = pick(CELLS);
    const spec: ExperimentSpecInput = {
      name: `${cell} run ${i}`,
      task: pick(TASKS),
      model: { cell, hidden: pick([32, 64, 128, 256]) },
      train: { steps, seed: i % 7, lr: pick([0.1, 0.01, 0.001]) },
    };
    const tags = TAGS.filter(() => r() < 0.15);
    const run = store.createRun({
      spec: ExperimentSpecSchema.parse(spec),
      tags,
      note: r() < 0.1 ? `note about run ${i}` : '',
    });
    const s = status();
    const done = s === 'completed' || s === 'diverged' ? steps : Math.round(steps * r());
    const curve = lossCurve(Math.max(1, done), Math.min(points, Math.max(1, done)), r);
    store.appendPoints(
      run.id,
      curve.map((p) => ({ metric: 'loss', step: p.step, value: p.value, wallMs: p.step * 3 })),
    );
    const last = curve[curve.length - 1]!;
    store.finishRun(run.id, {
      status: s,
      final: { loss: s === 'diverged' ? Number.NaN : last.value, steps: done, horizon: Math.round(10 * r()) },
      ...(s === 'diverged' ? { divergence: { step: done, tensor: 'loss' } } : {}),
    });
    if (i % 1000 === 999) options.log?.(`  wrote ${i + 1} runs`);
  }
  // Compare: 10 specs × 5 seeds in one sweep, 20,000 steps each at every 10th step.
  const base: ExperimentSpecInput = {
    name: 'compare',
    task: { kind: 'adding', seqLen: 100 },
    model: { cell: 'lstm', hidden: 64 },
    train: { steps: 20_000 },
  };
  const sweep = store.createSweep({
    name: 'compare 50',
    base: ExperimentSpecSchema.parse(base),
    grid: {
      'train.lr': [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001],
      'train.seed': [1, 2, 3, 4, 5],
    },
  });
  const sweepRunIds: string[] = [];
  for (const lr of [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001]) {
    for (const seed of [1, 2, 3, 4, 5]) {
      const run = store.createRun({
        spec: ExperimentSpecSchema.parse({ ...base, train: { ...base.train, lr, seed } }),
        sweepId: sweep.id,
        tags: [COMPARE_TAG],
      });
      const curve = lossCurve(20_000, 2000, r);
      store.appendPoints(
        run.id,
        curve.map((p) => ({ metric: 'loss', step: p.step, value: p.value, wallMs: p.step * 3 })),
      );
      store.finishRun(run.id, { status: 'completed', final: { loss: curve[curve.length - 1]!.value, steps: 20_000 } });
      sweepRunIds.push(run.id);
    }
  }
  const big = store.createRun({
    spec: ExperimentSpecSchema.parse({ ...base, name: MILLION_NAME, train: { steps: 1_000_000 } }),
  });
  for (let from = 0; from < 1_000_000; from += 100_000) {
    const curve = lossCurve(100_000, 100_000, r, from);
    store.appendPoints(
      big.id,
      curve.map((p) => ({ metric: 'loss', step: p.step, value: p.value, wallMs: p.step * 3 })),
    );
  }
  store.finishRun(big.id, { status: 'completed', final: { loss: 0.05, steps: 1_000_000 } });
  store.close();
  return { sweepId: sweep.id, sweepRunIds, bigRunId: big.id };
}

/**
 * The history for the load and window benches, in `dir`: a copy of the file GRADLAB_BENCH_HISTORY names when
 * it exists (writing 10,000 runs takes minutes on a busy machine), else written afresh (and kept there when
 * the variable names a file that does not exist yet). Returns the same ids as writeHistory.
 */
export function benchHistoryFile(
  dir: string,
  log: (line: string) => void,
): ReturnType<typeof writeHistory> & { dbPath: string } {
  const dbPath = path.join(dir, 'lab.db');
  const kept = process.env.GRADLAB_BENCH_HISTORY;
  if (kept && fs.existsSync(kept)) {
    log(`history: a copy of ${kept} (GRADLAB_BENCH_HISTORY)`);
    fs.copyFileSync(kept, dbPath);
    return { ...historyIds(dbPath), dbPath };
  }
  log('history: writing 10,000 runs (+ a 50-run sweep and a 1,000,000-step run) ...');
  const ids = writeHistory(kept ?? dbPath, { log });
  if (kept) fs.copyFileSync(kept, dbPath);
  return { ...ids, dbPath };
}

/** The ids writeHistory returned, read back from a history it wrote. */
function historyIds(dbPath: string): ReturnType<typeof writeHistory> {
  const store = LabStore.open(dbPath);
  try {
    const sweepRuns = store.listRuns({
      tag: [COMPARE_TAG],
      sort: 'createdAt',
      order: 'asc',
      limit: 50,
      offset: 0,
    }).runs;
    const big = store.listRuns({ text: MILLION_NAME, sort: 'createdAt', order: 'desc', limit: 1, offset: 0 }).runs[0];
    if (!big || sweepRuns.length !== 50 || !sweepRuns[0]!.sweepId)
      throw new Error(`${dbPath} is not a history written by bench/history.ts (delete it to write it again)`);
    return { sweepId: sweepRuns[0]!.sweepId, sweepRunIds: sweepRuns.map((r) => r.id), bigRunId: big.id };
  } finally {
    store.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchHistory(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-history-'));
  const dbPath = path.join(dir, 'lab.db');
  const figures: Record<string, number> = {};
  try {
    const t0 = performance.now();
    log('history: writing 10,000 runs (+ a 50-run sweep and a 1,000,000-step run) ...');
    const { sweepId, sweepRunIds, bigRunId } = writeHistory(dbPath, { log });
    log(`history: written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const size = fs.statSync(dbPath).size + (fs.statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    // Per 10,000 steps: the 1,000,000-step run's loss at every step (one metric), measured as the size its chunks take.
    const probe = LabStore.open(dbPath);
    probe.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(dbPath, { readonly: true });
    const chunkBytes = raw
      .prepare('SELECT SUM(LENGTH(data)) + COUNT(*) * 40 FROM series_chunks WHERE run_id = ?')
      .pluck()
      .get(bigRunId) as number;
    raw.close();

    const lab = createLab({
      mode: 'browser',
      version: '0.0.0-bench',
      launcher: forkLauncher(),
      databasePath: dbPath,
      concurrency: 1,
    });
    const server = await startLabServer({
      dispatch: createDispatcher(lab.handlers),
      subscribe: lab.subscribe,
      staticDir: null,
    });
    const call = async (method: string, args: unknown) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: server.token },
        body: toWire(args),
      });
      const env = fromWire(await res.text()) as { ok: boolean; error?: { message: string } };
      if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
      return env;
    };
    const timed = async (name: string, target: number, fn: () => Promise<unknown>, reps = 5) => {
      await fn();
      const t: number[] = [];
      for (let i = 0; i < reps; i++) {
        const a = performance.now();
        await fn();
        t.push(performance.now() - a);
      }
      const ms = median(t);
      figures[name] = ms;
      log(
        `history: ${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  (target ≤ ${target} ms) ${ms <= target ? 'ok' : 'SLOWER'}`,
      );
    };
    try {
      await timed('Runs view open (newest 50 of 10,050)', 300, () => call('listRuns', { limit: 50 }));
      await timed('search "lstm" (name, tags, notes)', 300, () => call('listRuns', { text: 'lstm', limit: 50 }));
      await timed('filter status diverged + tag ablation', 300, () =>
        call('listRuns', { status: ['diverged'], tag: ['ablation'], limit: 50 }),
      );
      await timed('sort by final loss', 300, () => call('listRuns', { sort: 'finalLoss', order: 'asc', limit: 50 }));
      await timed('page 100 (offset 5,000)', 300, () => call('listRuns', { limit: 50, offset: 5000 }));
      await timed('Compare 50 runs: series (1,000 points each) + seed bands', 1000, () =>
        Promise.all([
          ...sweepRunIds.map((runId) => call('getSeries', { runId, metrics: ['loss'], maxPoints: 1000 })),
          call('sweepSummary', { sweepId, metric: 'loss' }),
        ]),
      );
      await timed('1,000,000-step run: loss series to 2,000 points', 1000, () =>
        call('getSeries', { runId: bigRunId, metrics: ['loss'], maxPoints: 2000 }),
      );
    } finally {
      await server.close();
      await lab.close();
    }
    figures.dbBytes = size;
    figures.bytesPerRun = size / 10_051;
    figures.bytesPer10kSteps = chunkBytes / 100;
    log(
      `history: database ${(size / 1048576).toFixed(1)} MiB for 10,051 runs: ${(size / 10_051 / 1024).toFixed(1)} KiB per run (each with 500 loss points)`,
    );
    log(
      `history: one metric at every step: ${(chunkBytes / 100 / 1024).toFixed(1)} KiB per 10,000 steps (a run logging 8 metrics: ×8)`,
    );
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
