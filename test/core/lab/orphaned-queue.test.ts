/**
 * Runs left waiting in a queue that will never start them: a lab that closes interrupts them, and a lab
 * that died leaves them to the next one, which interrupts them once their heartbeat is stale (at open, or
 * at the look it takes again when the stale window has passed). Either way they resume, from scratch, and
 * train to the end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { LabStore } from '../../../core/store';
import { openTestLab, tempDb, tinySpec, until, type TestLab } from './helpers';

const labs: TestLab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((l) => l.close()));
});
const open = (db: string, staleMs?: number) => {
  const lab = openTestLab(db, { concurrency: 1, ...(staleMs ? { staleMs } : {}) });
  labs.push(lab);
  return lab;
};

describe('runs orphaned in a queue', () => {
  it('a closing lab interrupts the runs still waiting; another lab resumes one from scratch to completion', async () => {
    const db = tempDb();
    const a = open(db);
    const long = await a.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000 })) });
    const waiting = await a.handlers.startRun({
      spec: ExperimentSpecSchema.parse(tinySpec({ steps: 30, name: 'waiting' })),
    });
    await until(() => a.events.some((e) => e.type === 'run.started'), 'the first run to start');
    await a.close();
    labs.splice(labs.indexOf(a), 1);
    expect(a.events.some((e) => e.type === 'run.interrupted' && e.run.id === waiting.id)).toBe(true);

    const b = open(db);
    const stored = await b.handlers.getRun({ runId: waiting.id });
    expect(stored).toMatchObject({
      status: 'interrupted',
      stepsDone: 0,
      error: 'The lab closed before this run started.',
    });
    expect((await b.handlers.getRun({ runId: long.id })).status).toBe('stopped');
    await b.handlers.resumeRun({ runId: waiting.id });
    const ended = await b.whenEnded(waiting.id);
    expect(ended).toMatchObject({ status: 'completed', stepsDone: 30 });
  });

  it('a queued run whose lab died is interrupted by the next lab once its heartbeat is stale', async () => {
    const db = tempDb();
    // What a dead lab leaves: a run created queued (its heartbeat is its creation time), nobody beating for it.
    const store = LabStore.open(db);
    const orphan = store.createRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 20 })) });
    store.close();
    const lab = open(db, 2000);
    expect(lab.interruptedAtStart).toEqual([]);
    expect((await lab.handlers.getRun({ runId: orphan.id })).status).toBe('queued');
    await until(
      () => lab.events.some((e) => e.type === 'run.interrupted' && e.run.id === orphan.id),
      'the second look',
      10_000,
    );
    const run = await lab.handlers.getRun({ runId: orphan.id });
    expect(run).toMatchObject({ status: 'interrupted', error: 'The lab stopped before this run started.' });
    await lab.handlers.resumeRun({ runId: orphan.id });
    expect((await lab.whenEnded(orphan.id)).status).toBe('completed');
  });

  it('the second look never takes the lab’s own runs, however short the stale window', async () => {
    const lab = open(tempDb(), 1);
    const first = await lab.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000 })) });
    const second = await lab.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 20 })) });
    // Past the second look (stale window + 1 s).
    await new Promise((r) => setTimeout(r, 1500));
    // On a loaded machine the engine may take longer than that to start: wait for the state, not the clock.
    await until(
      () => lab.events.some((e) => e.type === 'run.started' && e.run.id === first.id),
      'the first run to start',
    );
    expect(lab.events.some((e) => e.type === 'run.interrupted')).toBe(false);
    expect((await lab.handlers.getRun({ runId: first.id })).status).toBe('running');
    expect((await lab.handlers.getRun({ runId: second.id })).status).toBe('queued');
    await lab.handlers.stopRun({ runId: first.id });
    expect((await lab.whenEnded(second.id)).status).toBe('completed');
  });

  it('a run waiting in a live lab’s queue is not taken for an orphan by a second lab on the same file', async () => {
    const db = tempDb();
    const a = open(db, 2000);
    const first = await a.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 100_000 })) });
    const second = await a.handlers.startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ steps: 20 })) });
    await until(
      () => a.events.some((e) => e.type === 'run.started' && e.run.id === first.id),
      'the first run to start',
    );
    // Well past the stale window: only the owner's heartbeat keeps the waiting run queued.
    await new Promise((r) => setTimeout(r, 3000));
    const b = open(db, 2000);
    expect(b.interruptedAtStart).toEqual([]);
    expect((await b.handlers.getRun({ runId: second.id })).status).toBe('queued');
    await a.handlers.stopRun({ runId: first.id });
    expect((await a.whenEnded(second.id)).status).toBe('completed');
  });
});
