/**
 * The live view after a takeover: a worker is SIGKILLed mid-run and another resumes from the checkpoint. The
 * page's RunBuffer, fed the lab's own events as the window gets them, must drop the lost worker's points
 * after the checkpoint at the moment the store does, and end with every step once, equal to the store.
 */
import { expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { RunBuffer } from '../../../renderer/src/live/run-buffer';
import { tinySpec } from '../lab/helpers';
import { useCluster } from './cluster-fixture';
import { waitFor } from './helpers';

const cluster = useCluster();

it('after a worker is SIGKILLed, the live buffer drops the points after the checkpoint, as the store does', async () => {
  await cluster.startWorkers('a', 'b');
  const l = cluster.openLab();
  const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 1000, checkpointEvery: 200 }));
  const run = await l.handlers.startRun({ spec, placement: 'cluster' });
  const buffer = new RunBuffer(run.id);
  // What the buffer showed right after each takeover's run.started, and what the store held then.
  const atTakeover: { resumedFrom: number; shownLast: number; shownMax: number; stored: number }[] = [];
  l.subscribe((e) => {
    buffer.apply(e);
    if (e.type === 'run.started' && e.resumedFrom !== undefined && e.resumedFrom > 0) {
      const loss = buffer.column('loss').step;
      atTakeover.push({
        resumedFrom: e.resumedFrom,
        shownLast: buffer.lastStep,
        shownMax: Math.max(0, ...loss),
        stored: e.run.stepsDone,
      });
    }
  });

  // Mid-run: a checkpoint stored and steps after it, which the lost worker trained and the page drew.
  const { victim, shownBeforeKill } = await waitFor(async () => {
    const r = await l.handlers.getRun({ runId: run.id });
    return r.attempts?.length && (r.lastCheckpointStep ?? 0) >= 200 && buffer.lastStep > r.lastCheckpointStep! + 20
      ? { victim: r.attempts.at(-1)!.worker, shownBeforeKill: buffer.lastStep }
      : null;
  }, 'the page to show steps past a checkpoint');
  cluster.worker(victim).process.kill('SIGKILL');

  const ended = await l.whenEnded(run.id);
  expect(ended.status).toBe('completed');
  const detail = await l.handlers.getRun({ runId: run.id });
  expect(detail.attempts!.length).toBe(2);
  const fromStep = detail.attempts![1]!.fromStep;
  expect(fromStep).toBeGreaterThanOrEqual(200);
  expect(shownBeforeKill).toBeGreaterThan(fromStep);

  // At the takeover the page showed nothing past the checkpoint, as the store.
  expect(atTakeover).toEqual([{ resumedFrom: fromStep, shownLast: fromStep, shownMax: fromStep, stored: fromStep }]);
  // In the end: every step once, in order, with the stored values.
  const stored = (await l.handlers.getSeries({ runId: run.id, metrics: ['loss'] })).series[0]!;
  const shown = buffer.column('loss');
  expect(shown.step).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  expect(shown.step).toEqual(stored.step);
  expect(shown.value).toEqual(stored.value);
}, 240_000);
