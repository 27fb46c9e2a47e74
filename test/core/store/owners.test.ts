/**
 * Dead owners seen at once: a run's owner (host, pid, boot id) is recorded when it is queued and started; a
 * store on the same host interrupts at once the runs of an owner whose process is gone or whose boot is
 * over, and leaves owners on other hosts (and live ones) to the heartbeat window.
 */
import { ExperimentSpecSchema } from '../../../core/api';
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { bootId, ownerState, thisOwner, type RunOwner } from '../../../core/store';
import { sameBoot } from '../../../core/store/owner';
import { FIXTURES, openStore, tempDir, tempPath } from './helpers';

const spec = {
  name: 'owned',
  task: { kind: 'adding' as const, seqLen: 6 },
  model: { hidden: 6 },
  train: { steps: 50, batch: 8 },
};
const engine = { backend: 'cpu', device: 'test' };

/** A pid that belonged to a process that has exited (and was reaped): nobody has it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function runOwnedBy(file: string, owner: RunOwner, status: 'running' | 'queued' = 'running'): string {
  const s = openStore(file, { owner });
  const run = s.createRun({ spec: ExperimentSpecSchema.parse(spec) });
  if (status === 'running') s.markStarted(run.id, engine);
  s.appendSteps(run.id, [{ step: 1, loss: 0.5, gradNorm: 1, clipped: false, wallMs: 1 }]);
  s.close();
  return run.id;
}

describe('run owners', () => {
  it('records this process as the owner of a run it queues and starts', () => {
    const s = openStore();
    const run = s.createRun({ spec: ExperimentSpecSchema.parse(spec) });
    expect(s.ownerOf(run.id)).toEqual({ host: hostname(), pid: process.pid, boot: bootId() });
    s.markStarted(run.id, engine);
    expect(s.ownerOf(run.id)).toEqual(thisOwner());
  });

  it('interrupts at once a running run whose owner on this host died, its data kept', () => {
    const file = tempPath();
    const pid = deadPid();
    const id = runOwnedBy(file, { host: hostname(), pid, boot: bootId() });
    const s = openStore(file);
    const marked = s.markStale(15_000);
    expect(marked.map((r) => r.id)).toEqual([id]);
    expect(s.getRun(id)).toMatchObject({
      status: 'interrupted',
      stepsDone: 1,
      error: `The lab running it (process ${pid} on ${hostname()}) died.`,
    });
    expect(s.getSeries(id, { metrics: ['loss'] })[0]!.value).toEqual([0.5]);
  });

  it('interrupts a queued run of a dead owner, with its own reason', () => {
    const file = tempPath();
    const pid = deadPid();
    const id = runOwnedBy(file, { host: hostname(), pid, boot: bootId() }, 'queued');
    const s = openStore(file);
    expect(s.markStale(15_000).map((r) => r.id)).toEqual([id]);
    expect(s.getRun(id).error).toBe(`The lab that queued it (process ${pid} on ${hostname()}) died before it started.`);
  });

  it('takes an owner from an earlier boot of this host as dead even if its pid is alive now', () => {
    const file = tempPath();
    const id = runOwnedBy(file, { host: hostname(), pid: process.pid, boot: 'an-earlier-boot' });
    expect(
      openStore(file)
        .markStale(15_000)
        .map((r) => r.id),
    ).toEqual([id]);
  });

  it('leaves a live owner on this host alone, however old its heartbeat', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const file = tempPath();
      const id = runOwnedBy(file, { host: hostname(), pid: child.pid!, boot: bootId() });
      const s = openStore(file);
      expect(s.markStale(15_000)).toEqual([]);
      expect(s.getRun(id).status).toBe('running');
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('leaves an owner on another host to the heartbeat window', () => {
    const file = tempPath();
    const id = runOwnedBy(file, { host: `not-${hostname()}`, pid: deadPid(), boot: bootId() });
    const s = openStore(file);
    expect(s.markStale(15_000)).toEqual([]);
    expect(s.getRun(id).status).toBe('running');
    expect(s.markStale(0).map((r) => r.id)).toEqual([id]);
    expect(s.getRun(id).error).toBe('The lab stopped while this run was running.');
  });

  it('never takes the caller’s own runs', () => {
    const file = tempPath();
    const id = runOwnedBy(file, { host: hostname(), pid: deadPid(), boot: bootId() });
    expect(openStore(file).markStale(15_000, new Set([id]))).toEqual([]);
  });

  it('upgrades a version-1 file: its runs have no owner and keep the heartbeat rule', () => {
    const file = path.join(tempDir(), 'v1.db');
    fs.copyFileSync(path.join(FIXTURES, 'v1-sample.db'), file);
    const s = openStore(file);
    expect(s.ownerOf('fixtureRunA')).toBeNull();
    expect(s.getRun('fixtureRunA').status).toBe('completed');
  });
});

describe('ownerState', () => {
  const here: RunOwner = { host: 'h', pid: 10, boot: 'b1' };
  const alive = (pid: number) => pid === 11;
  it('decides from host, boot and pid', () => {
    expect(ownerState({ host: 'h', pid: 10, boot: 'b1' }, here, alive)).toBe('alive');
    expect(ownerState({ host: 'h', pid: 11, boot: 'b1' }, here, alive)).toBe('alive');
    expect(ownerState({ host: 'h', pid: 12, boot: 'b1' }, here, alive)).toBe('dead');
    expect(ownerState({ host: 'h', pid: 11, boot: 'b0' }, here, alive)).toBe('dead');
    expect(ownerState({ host: 'other', pid: 12, boot: 'b1' }, here, alive)).toBe('unknown');
  });
  it('compares boot times from uptime within a minute (they drift between processes)', () => {
    expect(sameBoot('boot@1000', 'boot@1030')).toBe(true);
    expect(sameBoot('boot@1000', 'boot@1100')).toBe(false);
    expect(sameBoot('boot@1000', 'b1')).toBe(false);
  });
});
