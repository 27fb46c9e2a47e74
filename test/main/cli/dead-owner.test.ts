/**
 * A `gradlab train` killed for real (SIGKILL: no goodbye, its heartbeat still fresh) is seen at once: the
 * next `gradlab runs list`, within 3 s, shows the run `interrupted` with every step it stored kept.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabStore } from '../../../core/store';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-dead-owner-'));
const db = join(dir, 'lab.db');

describe('a killed gradlab train', () => {
  it('shows interrupted in the next runs list within 3 s, its data kept', async () => {
    const specFile = join(dir, 'spec.json');
    writeFileSync(
      specFile,
      JSON.stringify({
        name: 'to be killed',
        task: { kind: 'adding', seqLen: 6 },
        model: { hidden: 6 },
        train: { steps: 1_000_000, batch: 8, checkpointEvery: 50 },
      }),
    );
    const train = spawn(process.execPath, ['bin/gradlab.js', 'train', specFile, '--db', db, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => train.once('exit', (_code, signal) => r(signal)));
    let out = '';
    let runId = '';
    // Wait for the state the test needs: steps stored (a run.steps event is sent after its batch is written).
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no steps within 120 s; output so far: ${out.slice(-500)}`)),
        120_000,
      );
      train.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const steps = out.split('\n').find((l) => l.includes('"run.steps"'));
        if (steps && !runId) {
          runId = (JSON.parse(steps) as { runId: string }).runId;
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`gradlab train exited early: ${out.slice(-500)}`)));
    });
    const killedAt = Date.now();
    train.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const peek = LabStore.open(db);
    const before = peek.getRun(runId);
    peek.close();
    expect(before.status).toBe('running');
    expect(Date.now() - Date.parse(before.heartbeatAt!)).toBeLessThan(15_000);
    expect(before.stepsDone).toBeGreaterThan(0);

    // Run within 3 s of the kill, while the heartbeat is still fresh (the window is 15 s): only the owner
    // check can see the run is dead, and its message (not the heartbeat's) says which way it was seen.
    expect(Date.now() - killedAt).toBeLessThan(3000);
    const list = spawnSync(process.execPath, ['bin/gradlab.js', 'runs', 'list', '--db', db, '--json'], {
      encoding: 'utf8',
    });
    expect(list.status, list.stderr).toBe(0);
    const page = JSON.parse(list.stdout) as {
      runs: { id: string; status: string; stepsDone: number; error: string | null }[];
    };
    const run = page.runs.find((r) => r.id === runId)!;
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/^The lab running it \(process \d+ on .+\) died\.$/);

    const after = LabStore.open(db);
    expect(after.getRun(runId).stepsDone).toBe(before.stepsDone);
    const loss = after.getSeries(runId, { metrics: ['loss'] })[0]!;
    expect(loss.step.length).toBe(before.stepsDone);
    expect(after.integrityCheck()).toEqual(['ok']);
    after.close();
  }, 180_000);
});
