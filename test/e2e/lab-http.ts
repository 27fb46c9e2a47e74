/**
 * The browser tests' side door into the served lab: the page's own HTTP client (renderer/src/api/http.ts) used
 * from Node, so tests create runs through the real startRun and wait for the real engine to finish them.
 */
import type { LabClient } from '../../core/api/client';
import type { ExperimentSpecInput } from '../../core/api/spec';
import type { RunSummary } from '../../core/api/records';
import { createHttpClient } from '../../renderer/src/api/http';
import type { ServedLab } from './lab-server';

export function labClient(lab: ServedLab): LabClient {
  return createHttpClient({ baseUrl: lab.origin, token: lab.token });
}

/** A spec small enough to train in seconds: adding problem, T = 10, H = 8, 60 steps, a probe every 10. */
export function tinySpec(
  name: string,
  over: { cell?: 'rnn' | 'lstm' | 'gru'; activation?: 'tanh' | 'relu' | 'sigmoid'; seed?: number; steps?: number } = {},
): ExperimentSpecInput {
  return {
    name,
    task: { kind: 'adding', seqLen: 10 },
    model: { cell: over.cell ?? 'rnn', hidden: 8, activation: over.activation ?? 'tanh' },
    train: { steps: over.steps ?? 60, evalEvery: 10, seed: over.seed ?? 1, batch: 16 },
    probe: { every: 10, batch: 16 },
  };
}

/** Polls until the run has ended (the engine finished, stopped, failed or diverged). */
export async function waitEnded(client: LabClient, runId: string, timeoutMs = 120_000): Promise<RunSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await client.getRun({ runId });
    if (run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`Run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts every spec through the real startRun and waits for all of them to end. */
export async function trainAll(client: LabClient, specs: ExperimentSpecInput[]): Promise<RunSummary[]> {
  const started = await Promise.all(specs.map((spec) => client.startRun({ spec })));
  const ended = await Promise.all(started.map((r) => waitEnded(client, r.id)));
  for (const r of ended)
    if (r.status !== 'completed') throw new Error(`Run ${r.name} ended ${r.status}: ${r.error ?? ''}`);
  return ended;
}
