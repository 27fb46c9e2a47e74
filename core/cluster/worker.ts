/**
 * `gradlab worker`: takes runs from the broker and trains each in the same engine child process a local
 * run uses (the CPU-bound training stays out of this process, which only relays messages and renews the
 * BullMQ job locks — bullmq#1497). Stateless: what it learns goes into the job's stream; the latest
 * checkpoint is kept in Redis, so a run it loses is resumed from there by another worker.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EngineInfo, ExperimentSpec } from '../api';
import type { Checkpoint, EngineToHost } from '../engine/protocol';
import type { EngineLauncher } from '../lab/engine-channel';
import { createEnginePool } from '../lab/engine-pool';
import { threadsPerRun } from '../lab/engine-threads';
import { engineInfoProbe } from '../lab/engine-info';
import { connect, type BrokerAddress } from './broker';
import {
  CLAIM,
  FENCED_ADD,
  JobDataSchema,
  PREFIX,
  QUEUE,
  STOP_CHANNEL,
  encodeMessage,
  keys,
  type WorkerMessage,
} from './protocol';

export interface WorkerOptions {
  address: BrokerAddress;
  name: string;
  concurrency: number;
  launcher: EngineLauncher;
  log: (line: string) => void;
  /** BullMQ job lock: a worker silent this long has lost its runs to the others (default 30 s). */
  lockMs?: number;
  /** Engine crashes tolerated per job before the run is failed (BullMQ attempts; default 3). */
  engineRetries?: number;
}

export interface RunningWorker {
  info: EngineInfo;
  /** Stops taking work; runs in training are handed back to the queue (resumed elsewhere from their checkpoint). */
  close(): Promise<void>;
}

interface ActiveJob {
  runId: string;
  stop(): void;
  handBack(): void;
}

type FencedRedis = Redis & {
  fencedAdd(
    owner: string,
    stream: string,
    ckpt: string,
    attempt: string,
    worker: string,
    entry: Buffer,
    ckptEntry: Buffer | string,
  ): Promise<number>;
  claim(attemptKey: string, ownerKey: string): Promise<number>;
};

export const ADVERT_MS = 2000;
const BROKEN_TTL_MS = 3_600_000;

export function defineScripts(r: Redis): FencedRedis {
  r.defineCommand('fencedAdd', { numberOfKeys: 3, lua: FENCED_ADD });
  r.defineCommand('claim', { numberOfKeys: 2, lua: CLAIM });
  return r as FencedRedis;
}

/** Says who this worker is, every ADVERT_MS, in a key that lapses when it is gone. */
function advertiser(redis: Redis, base: Record<string, unknown>, active: Map<string, ActiveJob>) {
  const beat = () => {
    const runs = [...active.values()].map((a) => a.runId);
    const advert = {
      ...base,
      runs,
      state: runs.length ? 'busy' : 'idle',
      error: null,
      lastSeen: new Date().toISOString(),
    };
    void redis.set(keys.worker(String(base.name)), JSON.stringify(advert), 'PX', ADVERT_MS * 5).catch(() => undefined);
  };
  beat();
  const timer = setInterval(beat, ADVERT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const host = hostname();
  const redis = defineScripts(connect(o.address, `gradlab-worker:${o.name}`));
  // Each of the worker's engines gets its share of the cores, as the lab's own do.
  const threads = threadsPerRun(o.concurrency);
  const pool = createEnginePool(() => o.launcher({ threads }), { maxIdle: o.concurrency });
  let info: EngineInfo;
  try {
    info = await engineInfoProbe(pool.acquire, 120_000)();
  } catch (e) {
    // Reported where `gradlab cluster status` looks, then the worker leaves: it takes no job it cannot train.
    const error = e instanceof Error ? e.message : String(e);
    const advert = {
      name: o.name,
      host,
      pid: process.pid,
      backend: 'none',
      device: 'none',
      versions: {},
      concurrency: o.concurrency,
      runs: [],
      state: 'broken',
      error,
      lastSeen: new Date().toISOString(),
    };
    await redis.set(keys.worker(o.name), JSON.stringify(advert), 'PX', BROKEN_TTL_MS).catch(() => undefined);
    await pool.close();
    redis.disconnect();
    throw new Error(`worker ${o.name} cannot train: ${error}`);
  }

  const active = new Map<string, ActiveJob>();
  const base = {
    name: o.name,
    host,
    pid: process.pid,
    backend: info.backend,
    device: info.device,
    versions: info.versions,
    concurrency: o.concurrency,
  };
  const stopAdvert = advertiser(redis, base, active);
  const sub = connect(o.address, `gradlab-worker-stop:${o.name}`);
  await sub.subscribe(STOP_CHANNEL);
  sub.on('message', (_channel, jobId: string) => active.get(jobId)?.stop());

  const processor = async (job: Job, token?: string): Promise<void> => {
    const jobId = job.id!;
    const parsed = JobDataSchema.safeParse(job.data);
    const runId =
      typeof job.data?.runId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(job.data.runId)
        ? (job.data.runId as string)
        : null;
    if (!runId) throw new UnrecoverableError('The job names no valid run id');
    const attempt = String(await redis.claim(keys.attempt(runId), keys.owner(runId)));
    let fenced = false;
    const write = (m: WorkerMessage, checkpoint?: Checkpoint) =>
      redis
        .fencedAdd(
          keys.owner(runId),
          keys.stream(jobId),
          keys.checkpoint(jobId),
          attempt,
          o.name,
          encodeMessage(m),
          checkpoint ? serialize(checkpoint) : '',
        )
        .then((ok) => {
          if (!ok) fenced = true;
          return ok === 1;
        });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      await write({
        type: 'error',
        runId,
        message: `The worker refused the job: ${issue?.path.join('.') || 'job'}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const data = parsed.data;
    if (await redis.exists(keys.stop(jobId))) {
      await write({ type: 'done', runId, status: 'stopped' });
      return;
    }
    const saved = await redis.getBuffer(keys.checkpoint(jobId));
    const resume: Checkpoint | undefined = saved
      ? (deserialize(saved) as Checkpoint)
      : data.resume
        ? { step: data.resume.step, data: new Uint8Array(Buffer.from(data.resume.base64, 'base64')) }
        : undefined;
    let spec: ExperimentSpec = data.spec;
    let scratch: string | null = null;
    if (spec.task.kind === 'csv') {
      if (data.csv === undefined) {
        await write({
          type: 'error',
          runId,
          message:
            'The job carries no CSV data for its csv task (the lab sends the file inside the job; a worker never reads a path from a spec)',
        });
        return;
      }
      // The worker's own file, named after the user's for readable errors; the spec's path is never opened.
      scratch = mkdtempSync(join(tmpdir(), 'gradlab-job-'));
      const file = join(scratch, basename(spec.task.path).replace(/[^A-Za-z0-9._-]/g, '_') || 'data.csv');
      writeFileSync(file, data.csv);
      spec = { ...spec, task: { ...spec.task, path: file } };
    }
    try {
      return await trainJob(job, token, {
        runId,
        spec,
        resume,
        write,
        fenced: () => fenced,
        stopRequested: async () => (await redis.exists(keys.stop(jobId))) > 0,
      });
    } finally {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  };

  interface JobRun {
    runId: string;
    spec: ExperimentSpec;
    resume: Checkpoint | undefined;
    write: (m: WorkerMessage, c?: Checkpoint) => Promise<boolean>;
    fenced: () => boolean;
    stopRequested: () => Promise<boolean>;
  }

  const trainJob = (job: Job, token: string | undefined, r: JobRun): Promise<void> =>
    new Promise<'done' | 'handback' | 'crash'>((resolve) => {
      const lease = pool.acquire();
      let settled = false;
      const finish = (how: 'done' | 'handback' | 'crash', reusable: boolean) => {
        if (settled) return;
        settled = true;
        active.delete(job.id!);
        lease.release(reusable);
        resolve(how);
      };
      // A stop heard before the engine started training is said again once it has (the engine forgets it).
      let stopAsked = false;
      const stop = () => {
        stopAsked = true;
        lease.send({ type: 'stop' });
      };
      active.set(job.id!, {
        runId: r.runId,
        stop,
        handBack: () => {
          lease.kill('SIGKILL');
          finish('handback', false);
        },
      });
      const relay = (p: Promise<boolean>) =>
        void p.then(
          (ok) => {
            if (ok || settled) return;
            // Another worker holds the run now (this one stalled): stop training what is no longer ours.
            o.log(`run ${r.runId}: taken over by another worker; this one stops`);
            lease.kill('SIGKILL');
            finish('done', false);
          },
          () => undefined,
        );
      lease.onMessage((m: EngineToHost) => {
        if (settled) return;
        switch (m.type) {
          case 'ready':
            lease.send({ type: 'start', runId: r.runId, spec: r.spec, ...(r.resume ? { resume: r.resume } : {}) });
            return;
          case 'started':
            o.log(
              `run ${r.runId}: training on ${m.backend} (${m.device})${r.resume ? ` from step ${r.resume.step}` : ''}`,
            );
            relay(
              r.write({
                type: 'started',
                runId: r.runId,
                backend: m.backend,
                device: m.device,
                worker: o.name,
                host,
                resumedFrom: r.resume?.step ?? 0,
              }),
            );
            if (stopAsked) lease.send({ type: 'stop' });
            return;
          case 'steps':
            relay(
              r.write({
                type: 'steps',
                runId: r.runId,
                steps: m.steps,
                ...(m.profiles ? { profiles: m.profiles } : {}),
              }),
            );
            return;
          case 'checkpoint':
            relay(r.write({ type: 'checkpoint', runId: r.runId, checkpoint: m.checkpoint }, m.checkpoint));
            return;
          case 'done':
          case 'diverged':
            void r.write({ ...m, runId: r.runId }).finally(() => finish('done', true));
            return;
          case 'error':
            if (m.runId === null) return; // a failed prediction: no business of a worker
            void r.write({ type: 'error', runId: r.runId, message: m.message }).finally(() => finish('done', false));
            return;
          default:
            return;
        }
      });
      // The stop published between this job's first look at its stop key and now was heard by no one.
      void r.stopRequested().then(
        (yes) => yes && stop(),
        () => undefined,
      );
      lease.onExit((code, signal) => {
        if (settled) return;
        o.log(`run ${r.runId}: the engine process ${signal ? `was killed (${signal})` : `exited with code ${code}`}`);
        finish('crash', false);
      });
    }).then(async (how) => {
      if (how === 'handback') {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (how === 'crash') {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (!last) throw new Error('The engine process died during the run; another attempt follows');
        await r.write({
          type: 'error',
          runId: r.runId,
          message: `The engine process died ${job.attemptsMade + 1} times training this run; it is not retried again`,
        });
      }
    });

  const lockMs = o.lockMs ?? 30_000;
  const worker = new Worker(QUEUE, processor, {
    connection: { ...o.address.options },
    prefix: PREFIX,
    concurrency: o.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 20,
    name: o.name,
  });
  worker.on('error', (e) => o.log(`broker: ${e.message}`));
  await worker.waitUntilReady();
  o.log(
    `worker ${o.name} on ${host}: ${info.backend} (${info.device}), ${o.concurrency} at once, broker ${o.address.display}`,
  );

  let closing: Promise<void> | null = null;
  return {
    info,
    close: () =>
      (closing ??= (async () => {
        const stopTaking = worker.close();
        for (const a of [...active.values()]) a.handBack();
        await stopTaking;
        stopAdvert();
        await redis.del(keys.worker(o.name)).catch(() => undefined);
        await pool.close();
        sub.disconnect();
        redis.disconnect();
      })()),
  };
}
