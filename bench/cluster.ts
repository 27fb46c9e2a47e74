/**
 * Cluster figures (issue 10): 8 runs of 300 steps on 2 workers against the same 8 on the local lab at
 * concurrency 2, in one invocation; how many steps per second the lab stores from workers; and Redis
 * commands per step batch. A real redis-server (started here, stopped at the end), real workers, real engines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ExperimentSpecSchema, type StepMetrics } from '../core/api';
import { connect, parseBrokerUrl } from '../core/cluster/broker';
import { PREFIX, QUEUE, encodeMessage, keys } from '../core/cluster/protocol';
import { defineScripts } from '../core/cluster/worker';
import { createLab, type Lab } from '../core/lab/lab';
import { forkLauncher } from '../core/lab/fork-launcher';
import { threadsPerRun } from '../core/lab/engine-threads';
import { startRedis, startWorker, stopWorker } from '../test/core/cluster/helpers';

const spec = ExperimentSpecSchema.parse({
  task: { kind: 'adding', seqLen: 20 },
  model: { cell: 'rnn', hidden: 32 },
  train: { steps: 300, batch: 16, evalEvery: 50, checkpointEvery: 100 },
  probe: { every: 50 },
});
const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

async function sweepMs(lab: Lab, placement: 'local' | 'cluster', n = seeds.length, steps = 300): Promise<number> {
  const base = { ...spec, train: { ...spec.train, steps } };
  const t0 = performance.now();
  const grid = { 'train.seed': seeds.slice(0, n) };
  const { runs } = await lab.handlers.startSweep({ base, grid, placement });
  const ended = await Promise.all(runs.map((r) => lab.whenEnded(r.id)));
  const bad = ended.filter((r) => r.status !== 'completed');
  if (bad.length) throw new Error(`${bad.length} run(s) did not complete: ${bad.map((r) => r.error).join('; ')}`);
  return performance.now() - t0;
}

async function commandCalls(r: Redis): Promise<number> {
  const info = await r.info('commandstats');
  return [...info.matchAll(/calls=(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
}

/** A hand-made worker writes `batches` entries of `perBatch` steps into each of `runs` jobs' streams; the lab stores them. */
async function ingestion(lab: Lab, url: string, runsN: number, batches: number, perBatch: number) {
  const address = parseBrokerUrl(url);
  const r = defineScripts(connect(address, 'bench-writer'));
  const queue = new Queue(QUEUE, { connection: address.options, prefix: PREFIX });
  const long = { ...spec, train: { ...spec.train, steps: batches * perBatch } };
  const runs = await Promise.all(
    Array.from({ length: runsN }, () => lab.handlers.startRun({ spec: long, placement: 'cluster' })),
  );
  const jobOf = new Map<string, string>();
  for (let i = 0; i < 400 && jobOf.size < runsN; i++) {
    for (const j of await queue.getJobs(['waiting']))
      if (runs.some((x) => x.id === j.data.runId)) jobOf.set(j.data.runId, j.id!);
    if (jobOf.size < runsN) await new Promise((res) => setTimeout(res, 25));
  }
  // Nobody trains these: take the jobs out so the next benchmark's workers find none.
  await queue.obliterate({ force: true });
  const probe = new Redis({ ...address.options });
  const calls0 = await commandCalls(probe);
  const t0 = performance.now();
  for (const run of runs) {
    const jobId = jobOf.get(run.id)!;
    const attempt = String(await r.claim(keys.attempt(run.id), keys.owner(run.id)));
    const add = (m: Parameters<typeof encodeMessage>[0]) =>
      r.fencedAdd(
        keys.owner(run.id),
        keys.stream(jobId),
        keys.checkpoint(jobId),
        attempt,
        'bench',
        encodeMessage(m),
        '',
      );
    void add({
      type: 'started',
      runId: run.id,
      backend: 'cpu',
      device: 'cpu',
      worker: 'bench',
      host: 'bench',
      resumedFrom: 0,
    });
    for (let b = 0; b < batches; b++) {
      const steps: StepMetrics[] = Array.from({ length: perBatch }, (_, i) => ({
        step: b * perBatch + i + 1,
        wallMs: b * perBatch + i,
        loss: 1 / (b * perBatch + i + 1),
        gradNorm: 1,
        clipped: false,
      }));
      void add({ type: 'steps', runId: run.id, steps });
    }
    void add({ type: 'done', runId: run.id, status: 'completed', final: {} });
  }
  await Promise.all(runs.map((x) => lab.whenEnded(x.id)));
  const ms = performance.now() - t0;
  const calls = (await commandCalls(probe)) - calls0;
  const total = runsN * batches * perBatch;
  probe.disconnect();
  r.disconnect();
  await queue.close();
  return { stepsPerSecond: (total / ms) * 1000, commandsPerBatch: calls / (runsN * (batches + 2)), steps: total, ms };
}

/** Best of this many timed sweeps per side, interleaved so a change in the machine's load hits both alike. */
const ROUNDS = 3;

export async function benchCluster(log: (l: string) => void) {
  const redis = await startRedis();
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-bench-cluster-'));
  // The same threads per run on both sides: a worker alone on the machine would take every core per engine,
  // two of them would then run twice the threads the local lab at concurrency 2 runs.
  const threads = threadsPerRun(2);
  const savedThreads = process.env.GRADLAB_THREADS;
  process.env.GRADLAB_THREADS = String(threads);
  const workers = [0, 1].map((i) => startWorker(redis.url, `bench-${i + 1}`, { GRADLAB_THREADS: String(threads) }));
  const open = (name: string, broker?: string) =>
    createLab({
      mode: 'test',
      version: 'bench',
      launcher: forkLauncher(),
      databasePath: join(dir, `${name}.db`),
      concurrency: 2,
      ...(broker ? { broker } : {}),
    });
  const local = open('local');
  const lab = open('cluster', redis.url);
  try {
    await Promise.all(workers.map((w) => w.ready));
    // Warm both sides alike, untimed: two engines each that have trained once (loaded, kernels compiled).
    await sweepMs(local, 'local', 2, 100);
    await sweepMs(lab, 'cluster', 2, 100);
    const localTimes: number[] = [];
    const clusterTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      localTimes.push(await sweepMs(local, 'local'));
      clusterTimes.push(await sweepMs(lab, 'cluster'));
    }
    const localMs = Math.min(...localTimes);
    const clusterMs = Math.min(...clusterTimes);
    const secs = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(', ');
    log(
      `cluster  8 runs × 300 steps, ${threads} thread(s) per run, warmed, best of ${ROUNDS}: 2 workers ${(clusterMs / 1000).toFixed(1)} s (${secs(clusterTimes)}), local lab at concurrency 2 ${(localMs / 1000).toFixed(1)} s (${secs(localTimes)}), ratio ${(clusterMs / localMs).toFixed(2)} (target ≤ 1.10)`,
    );
    await Promise.all(workers.map((w) => stopWorker(w)));

    const ing = await ingestion(lab, redis.url, 4, 250, 100);
    log(
      `cluster  ingestion: ${Math.round(ing.stepsPerSecond).toLocaleString('en')} steps/s stored from the broker (${ing.steps.toLocaleString('en')} steps in batches of 100, 4 runs; target ≥ 50,000), ${ing.commandsPerBatch.toFixed(1)} Redis commands per step batch`,
    );
    return {
      clusterMs,
      localMs,
      ratio: clusterMs / localMs,
      threadsPerRun: threads,
      localTimes,
      clusterTimes,
      ingestStepsPerSecond: ing.stepsPerSecond,
      commandsPerBatch: ing.commandsPerBatch,
    };
  } finally {
    if (savedThreads === undefined) delete process.env.GRADLAB_THREADS;
    else process.env.GRADLAB_THREADS = savedThreads;
    await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
    await local.close();
    await lab.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
