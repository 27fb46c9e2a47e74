/** Real labs on real database files, with a handle on every engine process they start. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExperimentSpecInput, LabEvent } from '../../../core/api';
import { createLab, type Lab, type LabOptions } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import type { EngineChannel } from '../../../core/lab/engine-channel';

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'gradlab-lab-')), 'lab.db');
}

export interface TestLab extends Lab {
  events: LabEvent[];
  engines: EngineChannel[];
}

export function openTestLab(databasePath = tempDb(), options: Partial<LabOptions> = {}): TestLab {
  const engines: EngineChannel[] = [];
  const launch = forkLauncher();
  const lab = createLab({
    mode: 'test',
    version: '0.0.0-test',
    databasePath,
    concurrency: 2,
    launcher: () => {
      const e = launch();
      engines.push(e);
      return e;
    },
    ...options,
  });
  const events: LabEvent[] = [];
  lab.subscribe((e) => events.push(e));
  return Object.assign(lab, { events, engines });
}

/** A run small enough to train in seconds on a CPU, with probes and checkpoints. */
export function tinySpec(
  over: Partial<{
    steps: number;
    seed: number;
    checkpointEvery: number;
    name: string;
    cell: 'rnn' | 'lstm' | 'gru';
  }> = {},
): ExperimentSpecInput {
  return {
    name: over.name ?? 'tiny',
    task: { kind: 'adding', seqLen: 8 },
    model: { cell: over.cell ?? 'rnn', hidden: 8 },
    train: {
      steps: over.steps ?? 40,
      batch: 8,
      seed: over.seed ?? 1,
      lr: 0.01,
      evalEvery: 10,
      checkpointEvery: over.checkpointEvery ?? 10,
    },
    probe: { every: 10, batch: 8 },
  };
}

export async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Whether a process with this pid still exists (signal 0 only checks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
