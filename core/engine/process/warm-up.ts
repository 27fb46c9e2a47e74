/**
 * The engine's warm-up before it says 'ready': a few tiny runs, one per cell, through the same code a real
 * run takes (runTraining: the fused kernel on every thread, the optimizer, probes, evaluation), their
 * messages dropped. V8 compiles JavaScript and WebAssembly lazily and optimises what runs hot, so without
 * this the first run of a sweep pays for compiling everything (~40% slower than the next one). Bounded in
 * time: it stops at the deadline, mid-run if need be. GRADLAB_WARMUP_MS sets the budget (0: no warm-up).
 */
import { ExperimentSpecSchema, type Cell } from '../../api';
import { runTraining } from '../trainer';
import { startKernelThreads } from '../kernels/kernel-threads';

export const DEFAULT_WARMUP_MS = 1000;

export function warmUpBudget(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GRADLAB_WARMUP_MS?.trim();
  if (!raw) return DEFAULT_WARMUP_MS;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0 || ms > 60_000)
    throw new Error(`GRADLAB_WARMUP_MS="${raw}" is not a warm-up budget: use milliseconds from 0 to 60000`);
  return ms;
}

const CELLS: Cell[] = ['rnn', 'lstm', 'gru'];

/** Runs the warm-up for at most `budgetMs`; returns how long it took and how many steps it trained. */
export async function warmUp(budgetMs = warmUpBudget()): Promise<{ ms: number; steps: number }> {
  const t0 = performance.now();
  if (budgetMs <= 0) return { ms: 0, steps: 0 };
  startKernelThreads();
  const deadline = t0 + budgetMs;
  let steps = 0;
  for (const cell of CELLS) {
    if (performance.now() >= deadline) break;
    const spec = ExperimentSpecSchema.parse({
      task: { kind: 'adding', seqLen: 12 },
      model: { cell, hidden: 16, activation: 'tanh' },
      train: { optimizer: 'adam', lr: 1e-3, batch: 16, steps: 40, evalEvery: 20 },
      probe: { every: 10, batch: 8 },
    });
    await runTraining(
      { runId: `warm-up-${cell}`, spec },
      (m) => {
        if (m.type === 'step') steps++;
      },
      () => performance.now() >= deadline,
    );
  }
  return { ms: performance.now() - t0, steps };
}
