/**
 * The spec is parsed once, at the trust boundary (the dispatcher's check of the call against the contract):
 * the handlers, createRun, createSweep and specHash take the parsed ExperimentSpec and never validate it again.
 * Counted on the schema itself (its run hook sees every validation, nested in the contract's or direct).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { createDispatcher } from '../../../core/api/dispatch';
import { openTestLab, tinySpec, until, type TestLab } from './helpers';

let lab: TestLab | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await lab?.close();
  lab = null;
});

/** Validations of ExperimentSpecSchema while f runs. */
async function validations(f: () => Promise<unknown>): Promise<number> {
  const run = vi.spyOn(ExperimentSpecSchema._zod, 'run');
  try {
    await f();
    return run.mock.calls.length;
  } finally {
    run.mockRestore();
  }
}

describe('the spec on its way in', () => {
  it('is validated once for startRun and once per grid point for startSweep, not again by inner layers', async () => {
    // One slot, taken by a long run: the runs started below wait in the queue, so no launch reads them back.
    lab = openTestLab(undefined, { concurrency: 1 });
    const dispatch = createDispatcher(lab.handlers);
    const busy = await dispatch('startRun', { spec: tinySpec({ steps: 100_000 }) });
    expect(busy.ok).toBe(true);

    let queued: unknown;
    expect(
      await validations(async () => (queued = await dispatch('startRun', { spec: tinySpec({ name: 'b' }) }))),
    ).toBe(1);
    expect(queued).toMatchObject({ ok: true, result: { status: 'queued', name: 'b' } });
    // What the store holds is the full parsed spec (defaults filled in), though the store did not parse it.
    const id = (queued as { result: { id: string } }).result.id;
    expect((await lab.handlers.getRun({ runId: id })).spec).toEqual(
      ExperimentSpecSchema.parse(tinySpec({ name: 'b' })),
    );

    const sweep = { base: tinySpec(), grid: { 'train.seed': [1, 2] } };
    expect(await validations(() => dispatch('startSweep', sweep))).toBe(1 + 2);
  });
});

describe('a queued run at launch', () => {
  it('starts with the spec parsed when it was queued, not a second parse of the stored one', async () => {
    lab = openTestLab(undefined, { concurrency: 1 });
    const dispatch = createDispatcher(lab.handlers);
    const busy = await dispatch('startRun', { spec: tinySpec({ steps: 100_000 }) });
    if (!busy.ok) throw new Error('the busy run did not start');
    const busyId = (busy.result as { id: string }).id;

    const finished = new Set<string>();
    const unsubscribe = lab.subscribe((e) => {
      if (e.type === 'run.finished') finished.add(e.run.id);
    });
    let queuedId = '';
    const parses = await validations(async () => {
      const queued = await dispatch('startRun', { spec: tinySpec({ name: 'b', steps: 5 }) });
      expect(queued).toMatchObject({ ok: true, result: { status: 'queued' } });
      queuedId = (queued as { result: { id: string } }).result.id;
      // Freeing the one slot launches the queued run; it trains to the end inside the count.
      await lab!.handlers.stopRun({ runId: busyId });
      await until(() => finished.has(queuedId), 'the queued run to finish');
    });
    unsubscribe();
    expect(parses).toBe(1);
    const listed = (await dispatch('listRuns', {})) as { result: { runs: { id: string; status: string }[] } };
    expect(listed.result.runs.find((r) => r.id === queuedId)?.status).toBe('completed');
  });
});
