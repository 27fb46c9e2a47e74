/**
 * The host dies mid-run (SIGKILL, no goodbye): at the next start the run shows `interrupted` with its data
 * intact, and it resumes from its last checkpoint, the metrics written after that checkpoint dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { ExperimentSpecSchema } from '../../../core/api';
import { LabStore } from '../../../core/store';
import { openTestLab, tempDb, tinySpec, until, type TestLab } from './helpers';

let lab: TestLab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

describe('host crash', () => {
  it('leaves an interrupted run that resumes from its checkpoint', async () => {
    const db = tempDb();
    // Checkpoints far enough apart (≈0.5 s of training) that the host's 250 ms store flush always lands between
    // two of them: the engine sends its held steps just before each checkpoint, so with close checkpoints the
    // stored steps would only ever end exactly at one, and the state this test needs would never be seen.
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 3000, checkpointEvery: 500 }));
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/hosts/run-host.ts', db, JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    host.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => /run (\S+)/.test(out), 'the host to start a run');
    const runId = /run (\S+)/.exec(out)![1]!;
    const peek = LabStore.open(db);
    await until(
      () => {
        const r = peek.getRun(runId);
        return r.lastCheckpointStep !== null && r.lastCheckpointStep >= 500 && r.stepsDone > r.lastCheckpointStep;
      },
      'a checkpoint with steps after it',
      120_000,
    );
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    const before = peek.getRun(runId);
    peek.close();
    expect(before.status).toBe('running');

    lab = openTestLab(db, { staleMs: 0 });
    const interrupted = await lab.handlers.getRun({ runId });
    expect(interrupted.status).toBe('interrupted');
    expect(lab.interruptedAtStart.map((r) => r.id)).toEqual([runId]);
    expect(interrupted.stepsDone).toBeGreaterThanOrEqual(before.stepsDone);
    expect(new Database(db, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');

    const checkpointStep = interrupted.lastCheckpointStep!;
    const resumed = await lab.handlers.resumeRun({ runId });
    expect(resumed.status).toBe('queued');
    const afterTruncate = await lab.handlers.getSeries({ runId, metrics: ['loss'] });
    expect(Math.max(...afterTruncate.series[0]!.step)).toBeLessThanOrEqual(checkpointStep);
    const ended = await lab.whenEnded(runId);
    expect(ended.status).toBe('completed');
    const loss = (await lab.handlers.getSeries({ runId, metrics: ['loss'] })).series[0]!;
    expect(loss.step).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(new Database(db, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');

    // Resuming is exact: the same spec trained without interruption gives the same numbers.
    const fresh = await lab.handlers.startRun({ spec });
    await lab.whenEnded(fresh.id);
    const freshLoss = (await lab.handlers.getSeries({ runId: fresh.id, metrics: ['loss'] })).series[0]!;
    expect(loss.value).toEqual(freshLoss.value);
  });
});
