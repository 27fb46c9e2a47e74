/**
 * Store benchmarks on a real file in a temp directory. Targets (DESIGN issue): listing 10,000 runs with a
 * filter < 100 ms; a 100,000-point series downsampled to 2,000 < 50 ms; a 200-run sweep summary < 200 ms;
 * and the cost of appending a realistic run (10,000 steps × 8 metrics in batches of 100).
 * Each figure is the median of several repetitions after a warm-up. `npx tsx bench/store.ts` runs it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CELLS, ACTIVATIONS, INITIALISERS, RunQuerySchema, type StepMetrics, ExperimentSpecSchema } from '../core/api';
import { LabStore } from '../core/store';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, reps = 7): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

function realisticSteps(from: number, count: number): StepMetrics[] {
  return Array.from({ length: count }, (_, i) => {
    const step = from + i;
    return {
      step,
      wallMs: step * 3.7,
      loss: Math.exp(-step / 3000) + Math.random() * 0.01,
      gradNorm: 1 + Math.random(),
      clipped: Math.random() < 0.1,
      accuracy: Math.min(1, step / 10_000),
      paramGradNorms: { 'layer0.Wx': Math.random(), 'layer0.Wh': Math.random(), 'readout.W': Math.random() },
    };
  });
}

export async function benchStore(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-bench-'));
  const figures: Record<string, number> = {};
  try {
    // 1. Appending a realistic run: 10,000 steps × 8 metrics, one transaction per 100 steps.
    {
      const store = LabStore.open(path.join(dir, 'append.db'));
      const run = store.createRun({ spec: ExperimentSpecSchema.parse({ train: { steps: 10_000 } }) });
      const batches = Array.from({ length: 100 }, (_, b) => realisticSteps(b * 100, 100));
      const t0 = performance.now();
      for (const batch of batches) store.appendSteps(run.id, batch);
      figures['append 10k steps x 8 metrics, batches of 100 (ms total)'] = performance.now() - t0;
      figures['append one batch of 100 steps (ms)'] =
        figures['append 10k steps x 8 metrics, batches of 100 (ms total)']! / 100;
      store.close();
      const bytes = ['', '-wal'].reduce(
        (n, s) =>
          n + (fs.existsSync(path.join(dir, `append.db${s}`)) ? fs.statSync(path.join(dir, `append.db${s}`)).size : 0),
        0,
      );
      figures['file bytes per stored point'] = bytes / 80_000;
    }

    // 2. Listing 10,000 runs with filters.
    {
      const store = LabStore.open(path.join(dir, 'list.db'));
      const t0 = performance.now();
      for (let i = 0; i < 10_000; i++) {
        const r = store.createRun({
          spec: ExperimentSpecSchema.parse({
            name: `run ${i} ${i % 3 === 0 ? 'copy-long' : 'adding'}`,
            model: { cell: CELLS[i % 3], activation: ACTIVATIONS[i % 6], init: { recurrent: INITIALISERS[i % 6] } },
            train: { seed: i % 10, lr: 10 ** -(1 + (i % 4)) },
          }),
          tags: i % 5 === 0 ? ['baseline', `batch${i % 50}`] : [],
        });
        if (i % 2 === 0)
          store.finishRun(r.id, {
            status: i % 10 === 0 ? 'diverged' : 'completed',
            final: { loss: Math.random(), horizon: i % 100 },
          });
      }
      figures['create 10,000 runs (ms)'] = performance.now() - t0;
      const q = RunQuerySchema.parse({
        cell: ['lstm'],
        activation: ['tanh', 'relu'],
        status: ['completed'],
        sort: 'finalLoss',
        order: 'asc',
        limit: 100,
      });
      figures['list 10,000 runs: cell+activation+status filter, sort finalLoss, page 100 (ms)'] = time(() =>
        store.listRuns(q),
      );
      const text = RunQuerySchema.parse({ text: 'copy-long', tag: ['baseline'], sort: 'name', limit: 100 });
      figures['list 10,000 runs: text + tag search, sort name (ms)'] = time(() => store.listRuns(text));
      const all = RunQuerySchema.parse({ limit: 100, offset: 5000 });
      figures['list 10,000 runs: no filter, page at offset 5000 (ms)'] = time(() => store.listRuns(all));
      store.close();
    }

    // 3. Reading a 100,000-point series downsampled to 2,000.
    {
      const store = LabStore.open(path.join(dir, 'series.db'));
      const run = store.createRun({ spec: ExperimentSpecSchema.parse({}) });
      for (let from = 0; from < 100_000; from += 1000) {
        store.appendPoints(
          run.id,
          Array.from({ length: 1000 }, (_, i) => ({
            metric: 'loss',
            step: from + i,
            value: Math.sin((from + i) / 500) + Math.random() * 0.1,
            wallMs: from + i,
          })),
        );
      }
      figures['read 100,000-point series, LTTB to 2,000 (ms)'] = time(() =>
        store.getSeries(run.id, { metrics: ['loss'], maxPoints: 2000 }),
      );
      figures['read 100,000-point series in full (ms)'] = time(() => store.getSeries(run.id, { metrics: ['loss'] }));
      store.close();
    }

    // 4. A 200-run sweep (20 configurations × 10 seeds, 1,000 steps each): grouped summary.
    {
      const store = LabStore.open(path.join(dir, 'sweep.db'));
      const lrs = Array.from({ length: 20 }, (_, i) => 0.001 * (i + 1));
      const sweep = store.createSweep({
        base: ExperimentSpecSchema.parse({}),
        grid: { 'train.lr': lrs, 'train.seed': Array.from({ length: 10 }, (_, i) => i) },
      });
      for (const lr of lrs) {
        for (let seed = 0; seed < 10; seed++) {
          const r = store.createRun({ spec: ExperimentSpecSchema.parse({ train: { lr, seed } }), sweepId: sweep.id });
          store.appendSteps(r.id, realisticSteps(0, 1000));
        }
      }
      figures['sweep summary, 200 runs x 1,000 steps (ms)'] = time(() => store.sweepSummary(sweep.id, 'loss'), 5);
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const [k, v] of Object.entries(figures)) console.log(`store  ${k.padEnd(82)} ${v.toFixed(2)}`);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void benchStore();
