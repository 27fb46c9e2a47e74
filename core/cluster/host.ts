/**
 * The lab as the cluster's host. A remote run is a local run whose engine sits behind the broker: lease()
 * hands the RunSession an EngineLease like the pool's, whose 'start' enqueues a BullMQ job and whose
 * messages come from that job's stream. One loop reads every followed stream (consumer group `lab`) and
 * acknowledges an entry only once what it carried is in the store, so a lab killed at any moment loses
 * nothing: the one restarted on the same file takes the open jobs back (adopt) and reads on.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Queue } from 'bullmq';
import type { ClusterStatus, EngineInfo, ExperimentSpec } from '../api';
import { LabError, labError } from '../api/errors';
import type { Checkpoint, EngineToHost, HostToEngine } from '../engine/protocol';
import type { EngineLease } from '../lab/engine-pool';
import type { LabStore } from '../store';
import { connect, type BrokerAddress } from './broker';
import { Follower } from './follower';
import { JobDataSchema, LAB_GROUP, MAX_CSV_BYTES, PREFIX, QUEUE, STOP_CHANNEL, keys, type JobData } from './protocol';
import { clusterStatus } from './status';

export interface ClusterHostOptions {
  address: BrokerAddress;
  store: LabStore;
  log?: (line: string) => void;
  /** Engine crashes tolerated per job (BullMQ attempts). */
  engineRetries?: number;
  /** How often a followed job's state is checked for a failure no worker reported (default 2 s). */
  watchMs?: number;
}

export interface ClusterHost {
  /** An engine lease for one run: enqueues a job on 'start', or follows `adoptJob` (a restarted lab). */
  lease(runId: string, adoptJob?: string): EngineLease;
  status(): Promise<ClusterStatus>;
  /** Clearing the keys of jobs whose runs ended while no lab cleared them (settles once done). */
  leftovers: Promise<void>;
  /** Stops reading; jobs go on in the cluster and a lab opened later on the same file takes them back. */
  close(): Promise<void>;
}

/**
 * Fault tests kill the lab at a chosen point with a real SIGKILL (GRADLAB_TEST_CRASH=<point>): here, between
 * storing a run's end and deleting its keys, the one moment a crash could leave keys behind.
 */
function crashHook(point: string): void {
  if (process.env.GRADLAB_TEST_CRASH === point) process.kill(process.pid, 'SIGKILL');
}

const CLUSTER_INFO: EngineInfo = { backend: 'cpu', device: 'cluster', versions: {}, skipped: [] };
const READ_BLOCK_MS = 200;
const READ_COUNT = 500;

/** Refuses, before anything is stored, a spec whose CSV file cannot travel in a job (missing, unreadable, too big). */
export function checkClusterSpec(spec: ExperimentSpec): number | null {
  if (spec.task.kind !== 'csv') return null;
  const path = spec.task.path;
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw labError('invalid_argument', 'cluster.csvUnreadable', {
      path,
      detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  if (size > MAX_CSV_BYTES)
    throw new LabError(
      'invalid_argument',
      `task.path: the CSV task file ${path} is ${size.toLocaleString('en-US')} bytes; a run on the cluster carries its ` +
        `data inside the job, at most ${MAX_CSV_BYTES / 1024 / 1024} MiB (${MAX_CSV_BYTES.toLocaleString('en-US')} bytes): ` +
        'train it on this machine, or make the file smaller',
    );
  return size;
}

/** A CSV task's file, read by the lab (the worker never opens a path from a spec). */
function csvOf(spec: ExperimentSpec): string | undefined {
  if (checkClusterSpec(spec) === null) return undefined;
  return readFileSync((spec.task as { path: string }).path, 'utf8');
}

interface Followed {
  follower: Follower;
  /** '0' while reading what a previous lab left unacknowledged, then '>' (new entries). */
  cursor: '0' | '>';
  suspect: string | null;
  /** The read that was going on when the suspicion arose: only a read begun after it proves the stream drained. */
  suspectAt: number;
}

export function createClusterHost(o: ClusterHostOptions): ClusterHost {
  const log = o.log ?? ((line: string) => process.stderr.write(`gradlab cluster: ${line}\n`));
  const queue = new Queue(QUEUE, { connection: { ...o.address.options }, prefix: PREFIX });
  queue.on('error', () => undefined);
  const redis = connect(o.address, 'gradlab-lab');
  const reader = connect(o.address, 'gradlab-lab-reader');
  const followed = new Map<string, Followed>();
  let closed = false;
  let wake: (() => void) | null = null;

  const follow = (f: Follower, cursor: '0' | '>') => {
    followed.set(f.jobId, { follower: f, cursor, suspect: null, suspectAt: 0 });
    wake?.();
  };

  const finishStream = async (jobId: string) => {
    await redis.del(keys.stream(jobId), keys.checkpoint(jobId), keys.stop(jobId));
    o.store.markClusterJobsCleared([jobId]);
  };

  // A lab that died between storing a run's end and deleting its job's keys left them: clear them now.
  const clearLeftovers = async () => {
    for (let round = 0; round < 100; round++) {
      const jobs = o.store.unclearedClusterJobs(500);
      if (!jobs.length) return;
      await redis.del(...jobs.flatMap((j) => [keys.stream(j), keys.checkpoint(j), keys.stop(j)]));
      o.store.markClusterJobsCleared(jobs);
    }
  };
  const leftovers = clearLeftovers().catch((e: unknown) =>
    log(`could not clear the keys of ended runs' jobs (the next start tries again): ${(e as Error).message}`),
  );

  const ack = async (jobId: string, ids: string[]) => {
    if (ids.length) await redis.xack(keys.stream(jobId), LAB_GROUP, ...ids);
  };

  let reads = 0;
  const readOnce = async () => {
    const readNo = ++reads;
    const list = [...followed.entries()];
    const args = [
      'GROUP',
      LAB_GROUP,
      'lab',
      'COUNT',
      String(READ_COUNT),
      'BLOCK',
      String(READ_BLOCK_MS),
      'STREAMS',
      ...list.map(([j]) => keys.stream(j)),
      ...list.map(([, f]) => f.cursor),
    ];
    const reply = (await reader.callBuffer('XREADGROUP', args)) as [Buffer, [Buffer, Buffer[] | null][]][] | null;
    const got = new Map<string, number>();
    for (const [streamKey, entries] of reply ?? []) {
      const jobId = streamKey.toString().slice(`${PREFIX}:job:`.length, -':stream'.length);
      const f = followed.get(jobId);
      if (!f) continue;
      got.set(jobId, entries.length);
      for (const [id, fields] of entries) {
        if (!fields) continue; // an entry trimmed away while pending
        const field = (name: string) => fields[fields.findIndex((b, i) => i % 2 === 0 && b.toString() === name) + 1];
        const attempt = Number(field('a')?.toString());
        const payload = field('m') ?? Buffer.alloc(0);
        try {
          f.follower.handle({ id: id.toString(), attempt, payload });
        } catch (e) {
          log(`run ${f.follower.runId}: could not record a message: ${(e as Error).message}`);
        }
      }
    }
    for (const [jobId, f] of list) {
      const n = got.get(jobId) ?? 0;
      if (f.cursor === '0' && n === 0) f.cursor = '>'; // the previous lab's backlog is drained
      if (n === 0 && f.suspect && f.suspectAt < readNo && !f.follower.ended)
        f.follower.handle({ id: '', attempt: -1, payload: Buffer.alloc(0) });
      await settleAcks(jobId, f);
    }
  };

  const settleAcks = async (jobId: string, f: Followed) => {
    if (!f.follower.waitingAcks) return;
    const done = o.store.getSummary(f.follower.runId).stepsDone;
    await ack(jobId, f.follower.takeAckable(done).filter(Boolean));
  };

  const loop = async () => {
    while (!closed) {
      if (!followed.size) {
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      try {
        await readOnce();
      } catch (e) {
        if (closed) return;
        if (/NOGROUP/.test((e as Error).message)) {
          // Redis lost a stream (restarted without its append-only file): make the group again and read on.
          for (const j of followed.keys())
            await redis.xgroup('CREATE', keys.stream(j), LAB_GROUP, '0', 'MKSTREAM').catch(() => undefined);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  void loop();

  // A job can end without its worker saying so (stalled past BullMQ's limit, removed by hand).
  const watch = setInterval(() => {
    for (const [jobId, f] of followed) {
      void queue.getJobState(jobId).then(
        async (state) => {
          if (f.suspect) return;
          f.suspectAt = reads;
          if (state === 'failed') {
            const job = await queue.getJob(jobId);
            f.suspect = `The cluster gave the run up: ${job?.failedReason || 'its job failed'}`;
          } else if (state === 'unknown') f.suspect = 'The cluster lost this run: its job is gone from the broker';
        },
        () => undefined,
      );
    }
  }, o.watchMs ?? 2000);
  watch.unref();

  const lease = (runId: string, adoptJob?: string): EngineLease => {
    const listeners: ((m: EngineToHost) => void)[] = [];
    let backlog: EngineToHost[] = [{ type: 'ready', info: CLUSTER_INFO }];
    let jobId: string | null = adoptJob ?? null;
    let active = true;
    const deliver = (m: EngineToHost) => {
      if (!active) return;
      if (listeners.length) listeners.forEach((l) => l(m));
      else backlog.push(m);
    };
    const makeFollower = (id: string) => {
      const follower = new Follower(runId, id, { store: o.store, deliver, log });
      // A lost job ends the run as failed, once its stream is drained.
      const handle = follower.handle.bind(follower);
      follower.handle = (entry) => {
        if (entry.attempt === -1) {
          const f = followed.get(id);
          if (f?.suspect) {
            follower.ended = true;
            deliver({ type: 'error', runId, message: f.suspect });
          }
          return;
        }
        handle(entry);
      };
      return follower;
    };

    const start = async (spec: ExperimentSpec, resume: Checkpoint | undefined) => {
      if (jobId) {
        // Adopted: the job is already in the cluster; read what the previous lab did not acknowledge, then on.
        await redis.xgroup('CREATE', keys.stream(jobId), LAB_GROUP, '0', 'MKSTREAM').catch(() => undefined);
        follow(makeFollower(jobId), '0');
        return;
      }
      const id = `${runId}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
      const data: JobData = JobDataSchema.parse({
        runId,
        spec,
        ...(spec.task.kind === 'csv' ? { csv: csvOf(spec) } : {}),
        ...(resume ? { resume: { step: resume.step, base64: Buffer.from(resume.data).toString('base64') } } : {}),
      });
      jobId = id;
      o.store.recordClusterJob(runId, id);
      await redis.xgroup('CREATE', keys.stream(id), LAB_GROUP, '0', 'MKSTREAM');
      follow(makeFollower(id), '>');
      await queue.add('run', data, {
        jobId: id,
        attempts: o.engineRetries ?? 3,
        backoff: { type: 'fixed', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 86_400 },
      });
    };

    const stop = async () => {
      if (!jobId) return;
      const id = jobId;
      await redis.set(keys.stop(id), '1', 'PX', 86_400_000);
      await redis.publish(STOP_CHANNEL, id);
      const job = await queue.getJob(id);
      const state = job ? await job.getState() : 'unknown';
      if (job && ['waiting', 'delayed', 'prioritized'].includes(state)) {
        // Still waiting for a worker: take it out of the queue (a worker that just took it sees the stop key).
        const removed = await job.remove().then(
          () => true,
          () => false,
        );
        if (removed) {
          const f = followed.get(id);
          if (f) f.follower.ended = true;
          deliver({ type: 'done', runId, status: 'stopped' });
        }
      }
    };

    const fail = (e: unknown) => deliver({ type: 'error', runId, message: e instanceof Error ? e.message : String(e) });
    return {
      pid: undefined,
      send(m: HostToEngine) {
        if (!active) return;
        if (m.type === 'start') void start(m.spec, m.resume).catch(fail);
        else if (m.type === 'stop')
          void stop().catch((e: unknown) => log(`run ${runId}: could not send stop: ${(e as Error).message}`));
      },
      onMessage(listener) {
        listeners.push(listener);
        const held = backlog;
        backlog = [];
        queueMicrotask(() => held.forEach(deliver));
      },
      onExit() {
        // A remote engine has no process here to exit; a lost job is reported as an 'error' message.
      },
      kill() {
        void stop().catch(() => undefined);
      },
      release() {
        if (!active) return;
        active = false;
        if (!jobId) return;
        const f = followed.get(jobId);
        followed.delete(jobId);
        if (f?.follower.ended) {
          // The run is over in the store: acknowledge everything and drop the job's keys.
          const id = jobId;
          crashHook('before-job-cleanup');
          void ack(id, f.follower.takeAckable(0, true).filter(Boolean))
            .then(
              () => finishStream(id),
              () => undefined,
            )
            .catch(() => undefined); // a lab that cannot clear them now clears them on its next start
        }
      },
    };
  };

  return {
    lease,
    leftovers,
    status: () => clusterStatus(redis, queue, o.address.display),
    async close() {
      closed = true;
      clearInterval(watch);
      await leftovers;
      wake?.();
      // Acknowledge what is stored; the rest waits in Redis for the next lab.
      for (const [jobId, f] of followed) await settleAcks(jobId, f).catch(() => undefined);
      followed.clear();
      await queue.close().catch(() => undefined);
      reader.disconnect();
      redis.disconnect();
    },
  };
}
