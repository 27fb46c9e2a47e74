/**
 * The lab believes nothing a worker sends without checking it: a hand-made worker writes into a real job's
 * stream (real redis-server, real lab, no engine) — malformed entries, another run's data, overlapping
 * batches (at-least-once delivery) and a stale attempt — and only steps 1..N, once each, are stored.
 */
import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { Queue } from 'bullmq';
import { ExperimentSpecSchema, type StepMetrics } from '../../../core/api';
import { connect, parseBrokerUrl } from '../../../core/cluster/broker';
import { PREFIX, QUEUE, encodeMessage, keys, type WorkerMessage } from '../../../core/cluster/protocol';
import { defineScripts } from '../../../core/cluster/worker';
import { tinySpec, until } from '../lab/helpers';
import { useCluster } from './cluster-fixture';
import { waitFor } from './helpers';

const cluster = useCluster();

const step = (n: number): StepMetrics => ({ step: n, wallMs: n, loss: 1 / n, gradNorm: 1, clipped: false });
const steps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => step(from + i));

describe('messages from workers', () => {
  it('are validated, deduplicated by (run, attempt, step) and fenced by attempt', async () => {
    const lab = cluster.openLab();
    const address = parseBrokerUrl(cluster.redis.url);
    const r = defineScripts(connect(address, 'fake-worker'));
    const spec = ExperimentSpecSchema.parse(tinySpec({ steps: 9 }));
    const run = await lab.handlers.startRun({ spec, placement: 'cluster' });
    const other = await lab.handlers.startRun({ spec, placement: 'local' });
    await lab.whenEnded(other.id);
    const queue = new Queue(QUEUE, { connection: address.options, prefix: PREFIX });
    const jobId = await waitFor(
      async () => (await queue.getJobs(['waiting'])).find((j) => j.data.runId === run.id)?.id,
      'the run waiting in the queue',
    );
    const claim = async () => String(await r.claim(keys.attempt(run.id), keys.owner(run.id)));
    const write = (attempt: string, m: WorkerMessage | Buffer) =>
      r.fencedAdd(
        keys.owner(run.id),
        keys.stream(jobId),
        keys.checkpoint(jobId),
        attempt,
        'fake',
        Buffer.isBuffer(m) ? m : encodeMessage(m),
        '',
      );
    const started = (resumedFrom: number): WorkerMessage => ({
      type: 'started',
      runId: run.id,
      backend: 'cpu',
      device: 'cpu',
      worker: 'fake',
      host: 'nowhere',
      resumedFrom,
    });

    const a1 = await claim();
    expect(await write(a1, started(0))).toBe(1);
    expect(await write(a1, { type: 'steps', runId: run.id, steps: steps(1, 5) })).toBe(1);
    await write(a1, Buffer.from('not a structured clone'));
    await write(a1, serialize({ type: 'steps', runId: run.id, steps: [{ step: 6, loss: 'low' }] }));
    await write(a1, { type: 'steps', runId: other.id, steps: steps(6, 7) });
    // Delivered twice (a worker resent a batch after a broker hiccup): only the new steps count.
    await write(a1, { type: 'steps', runId: run.id, steps: steps(3, 7) });
    await until(
      () =>
        lab.events
          .filter((e) => e.type === 'run.steps' && e.runId === run.id)
          .flatMap((e) => (e.type === 'run.steps' ? e.steps : [])).length === 7,
      'steps 1..7',
    );

    // Another worker takes the run over from step 4; the first can no longer write, and its late entry is refused.
    const a2 = await claim();
    expect(await write(a1, { type: 'steps', runId: run.id, steps: steps(8, 8) })).toBe(0);
    expect(await write(a2, started(4))).toBe(1);
    expect(await write(a2, { type: 'steps', runId: run.id, steps: steps(5, 9) })).toBe(1);
    expect(
      await write(a2, { type: 'done', runId: run.id, status: 'completed', final: { loss: 1 / 9, steps: 9 } }),
    ).toBe(1);
    const ended = await lab.whenEnded(run.id);
    expect(ended.status).toBe('completed');
    const loss = (await lab.handlers.getSeries({ runId: run.id, metrics: ['loss'] })).series[0]!;
    expect(loss.step).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(loss.value).toEqual(steps(1, 9).map((s) => s.loss));
    const detail = await lab.handlers.getRun({ runId: run.id });
    expect(detail.attempts!.map((a) => [a.attempt, a.fromStep])).toEqual([
      [1, 0],
      [2, 4],
    ]);
    // The other run was untouched by the entry that named it.
    expect((await lab.handlers.getRun({ runId: other.id })).stepsDone).toBe(9);
    await queue.close();
    r.disconnect();
  }, 120_000);
});
