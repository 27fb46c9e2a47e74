/**
 * The Lab: the host-side implementation of LabApi. Arguments arrive validated (the dispatcher checked them
 * against the contract); the Lab owns the engine processes, the queue and the store, and pushes LabEvents
 * to every subscriber.
 */
import { availableParallelism } from 'node:os';
import {
  LabError,
  labError,
  type EngineInfo,
  type ExperimentSpec,
  type LabHandlers,
  type LabResult,
  type Placement,
  type RunSummary,
} from '../api';
import { LabStore, trainedSpec } from '../store';
import { ReaderPool } from '../store/reader-pool';
import type { ReadArgs, ReadOpName, ReadResult } from '../store/read-ops';
import { exportTensorBoard, importTensorBoard } from '../interop';
import type { EngineLauncher } from './engine-channel';
import { createEnginePool } from './engine-pool';
import { threadsPerRun } from './engine-threads';
import { engineInfoProbe } from './engine-info';
import { EventHub } from './event-hub';
import { RunQueue, type QueuedRun } from './run-queue';
import { RunSession } from './run-session';
import { expandGrid } from './sweep-grid';
import { validateSpec } from './validate-spec';
import { checkSpecCost } from './spec-cost';
import { exportFigureFile } from './figure-export';
import { plainBytes } from '../shared/wire';
import { lessonHost, type LessonMethod } from './lesson-handlers';
import { CLUSTER_READY, NO_CLUSTER, replicationHost, type ReplicationMethod } from './replication-handlers';
import type { LeaseEngine } from './engine-pool';
import { parseBrokerUrl } from '../cluster/broker';
import { checkClusterSpec, createClusterHost } from '../cluster/host';

export type HostMode = 'electron' | 'browser' | 'cli' | 'test';

export interface LabOptions {
  mode: HostMode;
  version: string;
  launcher: EngineLauncher;
  /** The run history's file, or null for a lab without one (engine facts only). */
  databasePath: string | null;
  /** Runs training at once (default: one per spare core, at least one; GRADLAB_CONCURRENCY overrides). */
  concurrency?: number;
  /**
   * A `running` or `queued` run whose heartbeat is older than this was left by a dead host (default 15 s): a
   * live lab beats every staleMs / 3 for its running runs and for those waiting in its queue.
   */
  staleMs?: number;
  flushMs?: number;
  /** The cluster's broker (redis://:PASSWORD@HOST:PORT): runs may then train on `gradlab worker`s. */
  broker?: string | null;
  /**
   * Threads reading the history (run lists, series, profiles, seed bands) off the lab's own thread, which
   * then stays free for training events and writes (default 1; 0 reads on the lab's thread).
   */
  readers?: number;
}

export interface Lab {
  handlers: LabHandlers;
  subscribe: EventHub['subscribe'];
  engineInfo(): Promise<EngineInfo>;
  /** Settles when the run has ended (any final status). */
  whenEnded(runId: string): Promise<RunSummary>;
  /** Runs marked interrupted when this lab opened its database. */
  interruptedAtStart: RunSummary[];
  close(): Promise<void>;
}

export function defaultConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env.GRADLAB_CONCURRENCY);
  if (Number.isInteger(forced) && forced > 0) return forced;
  return Math.max(1, availableParallelism() - 1);
}

export function createLab(options: LabOptions): Lab {
  const hub = new EventHub();
  const startedAt = Date.now();
  const concurrency = options.concurrency ?? defaultConcurrency();
  // As many warm engines as runs that may train at once: a sweep's next run starts without a process start.
  // The cores are shared among the runs that may train at once (one run alone gets them all): engine-threads.
  const threads = threadsPerRun(concurrency);
  const engines = createEnginePool(() => options.launcher({ threads }), { maxIdle: concurrency });
  const engineInfo = engineInfoProbe(engines.acquire);
  const store = options.databasePath ? LabStore.open(options.databasePath) : null;
  const readerCount = options.readers ?? 1;
  const readers =
    store && readerCount > 0 && options.databasePath !== ':memory:'
      ? new ReaderPool({ path: store.path, size: readerCount })
      : null;
  // A window reads its run list as soon as it opens: its reader should be up by then.
  if (options.mode === 'browser' || options.mode === 'electron') readers?.warm();
  /** A heavy read on a reader thread; on the lab's thread when there are none or they cannot start. */
  const read = <K extends ReadOpName>(
    op: K,
    args: ReadArgs<K>,
    direct: () => ReadResult<K>,
  ): Promise<ReadResult<K>> => {
    requireStore();
    if (!readers || readers.broken) return Promise.resolve().then(direct);
    return readers.call(op, args).catch((e: unknown) => {
      if (readers.broken) return direct();
      throw e;
    });
  };
  const sessions = new Map<string, RunSession>();
  const waiters = new Map<string, ((run: RunSummary) => void)[]>();
  const staleMs = options.staleMs ?? 15_000;
  const cluster =
    options.broker && store ? createClusterHost({ address: parseBrokerUrl(options.broker), store }) : null;
  // Runs a previous lab left training on the cluster are not stale: their workers go on, and this lab reads on.
  const adopted = cluster && store ? store.openClusterJobs() : [];
  const remote = new Set<string>();
  const interruptedAtStart = store ? store.markStale(staleMs, new Set(adopted.map((a) => a.runId))) : [];
  // This lab has the file open: maintenance (gradlab db vacuum) sees it and waits.
  const sessionId = store ? store.openSession(options.mode) : null;

  const requireStore = (): LabStore => {
    if (!store) throw labError('unavailable', 'lab.noStore');
    return store;
  };

  const settle = (run: RunSummary) => {
    for (const w of waiters.get(run.id) ?? []) w(run);
    waiters.delete(run.id);
  };

  /** What getRun answers: the stored run, with the workers that trained it when a cluster did. */
  const runDetail = (runId: string): LabResult<'getRun'> => {
    const s = requireStore();
    const attempts = s.listAttempts(runId);
    return { ...s.getRun(runId), ...(attempts.length ? { attempts } : {}) };
  };

  const requireCluster = () => {
    if (!cluster) throw labError('unavailable', 'lab.noCluster');
    return cluster;
  };

  /**
   * adopting: a run a previous lab left on the cluster, already running there. spec: the one parsed when the run
   * was queued; without it (a cluster run) the stored spec is read back.
   */
  const launchRun = async (
    runId: string,
    launch: LeaseEngine = engines.acquire,
    adopting = false,
    spec?: ExperimentSpec,
  ): Promise<void> => {
    const s = requireStore();
    const queued = s.getSummary(runId);
    if (queued.status !== 'queued' && !adopting) return; // stopped or deleted while it waited
    const resume = queued.stepsDone > 0 && !adopting ? s.getCheckpoint(runId) : null;
    const session = new RunSession(
      { store: s, launch, emit: (e) => hub.emit(e), flushMs: options.flushMs ?? 250, stopGraceMs: 15_000 },
      runId,
      spec ?? trainedSpec(s.getRun(runId)),
      resume,
    );
    sessions.set(runId, session);
    session.start();
    const run = await session.done;
    sessions.delete(runId);
    remote.delete(runId);
    settle(run);
  };

  const launchRemote = (runId: string, adoptJob?: string): Promise<void> => {
    const c = requireCluster();
    remote.add(runId);
    return launchRun(runId, () => c.lease(runId, adoptJob), adoptJob !== undefined);
  };
  for (const { runId, jobId } of adopted) void launchRemote(runId, jobId);

  const queue = new RunQueue(concurrency, (q: QueuedRun) => launchRun(q.runId, engines.acquire, false, q.spec));

  // Runs waiting in this queue are owned: their heartbeat says so to any lab opening the same database.
  const queueBeat = store
    ? setInterval(
        () => {
          store.heartbeatQueued(queue.waitingIds);
          if (sessionId) store.beatSession(sessionId);
        },
        Math.max(50, staleMs / 3),
      )
    : null;
  queueBeat?.unref();
  // A host that died just before this lab opened left runs whose heartbeat was still fresh: look again once
  // it can no longer be.
  const recheck = store
    ? setTimeout(() => {
        // This lab's own runs are alive whatever their heartbeat says (staleMs may be tiny in tests).
        const own = new Set([...sessions.keys(), ...queue.waitingIds]);
        for (const run of store.markStale(staleMs, own)) hub.emit({ type: 'run.interrupted', run });
      }, staleMs + 1000)
    : null;
  recheck?.unref();

  const enqueue = (run: RunSummary, spec: ExperimentSpec, placement: Placement = 'local'): RunSummary => {
    hub.emit({ type: 'run.queued', run });
    // The cluster's queue is BullMQ's: every run goes there at once and the workers take them.
    if (placement === 'cluster') void launchRemote(run.id);
    else queue.enqueue({ runId: run.id, spec });
    return run;
  };

  const updated = (run: RunSummary): RunSummary => {
    hub.emit({ type: 'run.updated', run });
    return run;
  };

  const whenEnded = (runId: string): Promise<RunSummary> => {
    const s = requireStore();
    const run = s.getSummary(runId);
    if (!['queued', 'running'].includes(run.status) && !sessions.has(runId)) return Promise.resolve(run);
    return new Promise((resolve) => waiters.set(runId, [...(waiters.get(runId) ?? []), resolve]));
  };

  const runHandlers: Omit<LabHandlers, LessonMethod | ReplicationMethod> = {
    health: async () => ({
      ok: true,
      version: options.version,
      uptimeMs: Date.now() - startedAt,
      database: options.databasePath,
      mode: options.mode,
    }),
    engineInfo: () => engineInfo(),
    validateSpec: async (args) => validateSpec(args),

    startRun: async ({ spec, placement }) => {
      checkSpecCost(spec);
      if (placement === 'cluster') {
        requireCluster();
        checkClusterSpec(spec);
      }
      return enqueue(requireStore().createRun({ spec }), spec, placement);
    },

    stopRun: async ({ runId }) => {
      const s = requireStore();
      const session = sessions.get(runId);
      if (session) {
        session.stop();
        return s.getSummary(runId);
      }
      const run = s.getSummary(runId);
      if (run.status !== 'queued') throw labError('conflict', 'lab.nothingToStop', { run: runId, status: run.status });
      queue.remove(runId);
      const stopped = s.finishRun(runId, { status: 'stopped' });
      hub.emit({ type: 'run.finished', run: stopped, final: stopped.final });
      settle(stopped);
      return stopped;
    },

    resumeRun: async ({ runId, placement }) => {
      const s = requireStore();
      // By default a run resumes where it trained last.
      const where: Placement = placement ?? (cluster && s.lastClusterJob(runId) ? 'cluster' : 'local');
      if (where === 'cluster') requireCluster();
      const run = s.getRun(runId);
      if (where === 'cluster') checkClusterSpec(trainedSpec(run));
      if (!['interrupted', 'stopped', 'failed'].includes(run.status)) {
        throw labError('conflict', 'lab.notResumable', { run: runId, status: run.status });
      }
      const spec = trainedSpec(run);
      const checkpoint = s.getCheckpoint(runId);
      // A run that never trained a step (its lab stopped before it started) simply starts.
      if (!checkpoint && run.stepsDone > 0) {
        throw labError('conflict', 'lab.noCheckpoint', { run: runId });
      }
      // Metrics written after the checkpoint would be trained again: drop them first.
      s.truncateAfter(runId, checkpoint?.step ?? 0);
      readers?.invalidate(runId);
      return enqueue(s.markQueued(runId), spec, where);
    },

    deleteRun: async ({ runId }) => {
      const s = requireStore();
      const session = sessions.get(runId);
      if (session) {
        session.stop();
        await session.done;
      }
      queue.remove(runId);
      s.deleteRun(runId);
      hub.emit({ type: 'run.deleted', runId });
      return { deleted: true as const };
    },
    renameRun: async ({ runId, name }) => updated(requireStore().renameRun(runId, name)),
    tagRun: async ({ runId, add, remove }) => updated(requireStore().tagRun(runId, add, remove)),
    noteRun: async ({ runId, note }) => updated(requireStore().noteRun(runId, note)),

    listRuns: (query) => read('listRuns', query, () => requireStore().listRuns(query)),
    getRun: async ({ runId }) => runDetail(runId),
    getSeries: async ({ runId, metrics, maxPoints }) => {
      const args = { runId, ...(metrics ? { metrics } : {}), ...(maxPoints ? { maxPoints } : {}) };
      return { runId, series: await read('getSeries', args, () => requireStore().getSeries(runId, args)) };
    },
    getSeriesMany: async ({ runIds, metrics, maxPoints, details }) => {
      const args = { runIds, maxPoints, ...(metrics ? { metrics } : {}) };
      const answer = await read('getSeriesMany', args, () => requireStore().getSeriesMany(runIds, args));
      if (!details) return answer;
      // Details are one row each on the lab's connection; a run deleted between the two reads counts as missing.
      const runs: LabResult<'getSeriesMany'>['runs'] = [];
      const missing = [...answer.missing];
      for (const r of answer.runs) {
        try {
          runs.push({ ...r, detail: runDetail(r.runId) });
        } catch (e) {
          if (e instanceof LabError && e.code === 'not_found') missing.push(r.runId);
          else throw e;
        }
      }
      return { runs, missing };
    },
    getProfiles: async ({ runId, steps, latest, max }) => {
      const options = { ...(steps ? { steps } : {}), ...(max !== undefined ? { max } : {}), latest };
      return {
        runId,
        profiles: await read('getProfiles', { runId, options }, () => requireStore().getProfiles(runId, options)),
      };
    },

    startSweep: async ({ name, base, grid, placement }) => {
      const s = requireStore();
      if (placement === 'cluster') requireCluster();
      const points = expandGrid(base, grid);
      for (const p of points) {
        checkSpecCost(p.spec, 'base');
        if (placement === 'cluster') checkClusterSpec(p.spec);
      }
      const sweep = s.createSweep({ ...(name ? { name } : {}), base, grid });
      const runs = points.map((p) => s.createRun({ spec: p.spec, sweepId: sweep.id }));
      runs.forEach((r, i) => enqueue(r, points[i]!.spec, placement));
      return { sweepId: sweep.id, runs };
    },
    clusterStatus: async () =>
      cluster
        ? cluster.status()
        : { configured: false, broker: null, workers: [], queue: { waiting: 0, active: 0, delayed: 0, failed: 0 } },
    sweepSummary: async ({ sweepId, metric }) => ({
      groups: await read('sweepSummary', { sweepId, metric }, () => requireStore().sweepSummary(sweepId, metric)),
    }),

    exportBundle: async ({ runIds, sweepId }) => {
      const file = requireStore().exportBundle({ ...(runIds ? { runIds } : {}), ...(sweepId ? { sweepId } : {}) });
      return { fileName: file.fileName, mime: file.mime, bytes: plainBytes(file.bytes) };
    },
    importBundle: async ({ bytes }) => {
      const imported = requireStore().importBundle(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      imported.forEach(updated);
      return { imported };
    },
    importTensorBoard: async ({ directory, tags, group }) => {
      const report = importTensorBoard(requireStore(), directory, { tags, ...(group !== undefined ? { group } : {}) });
      report.runs.forEach((r) => updated(r.run));
      return report;
    },
    exportTensorBoard: async ({ directory, runIds, sweepId }) =>
      exportTensorBoard(requireStore(), directory, { ...(runIds ? { runIds } : {}), ...(sweepId ? { sweepId } : {}) }),
    exportSeriesCsv: async ({ runId, metrics }) => {
      const f = requireStore().exportSeriesCsv(runId, metrics);
      return { fileName: f.fileName, mime: f.mime, bytes: new TextEncoder().encode(f.text) };
    },
    exportFigure: async (request) => exportFigureFile(requireStore(), request),
  };
  // The lessons get the operations they use, made before them: they never reach back for the lab's handlers.
  const { startRun, startSweep, tagRun } = runHandlers;
  const lessons = lessonHost({
    store: () => store,
    startRun,
    startSweep,
    tagRun,
    whenEnded,
    subscribe: hub.subscribe,
    emit: (e) => hub.emit(e),
    engines: engines.acquire,
  });
  const replications = replicationHost({
    cluster: () => (cluster ? CLUSTER_READY : NO_CLUSTER),
    store: () => store,
    startRun,
    startSweep,
    tagRun,
    whenEnded,
    subscribe: hub.subscribe,
    emit: (e) => hub.emit(e),
  });
  const handlers: LabHandlers = { ...runHandlers, ...lessons.handlers, ...replications.handlers };

  let closing: Promise<void> | null = null;
  const closeLab = async (): Promise<void> => {
    lessons.close();
    replications.close();
    // None may start while the lab closes; those still waiting are interrupted, to be resumed later.
    queue.close();
    if (queueBeat) clearInterval(queueBeat);
    if (recheck) clearTimeout(recheck);
    if (store)
      for (const run of store.interruptQueued([...queue.waitingIds], 'The lab closed before this run started.'))
        hub.emit({ type: 'run.interrupted', run });
    // Runs on the cluster train on: this lab lets go of them, and the next one on this file takes them back.
    for (const [id, session] of sessions) {
      if (remote.has(id)) session.detach();
      else session.stop();
    }
    await Promise.all([...sessions.values()].map((s) => s.done));
    await cluster?.close();
    await engines.close();
    await readers?.close();
    if (sessionId) store?.closeSession(sessionId);
    store?.close();
  };

  return {
    handlers,
    subscribe: hub.subscribe,
    engineInfo,
    interruptedAtStart,
    whenEnded,
    // Closing twice (a test's own close, then its clean-up) waits for the one closing.
    close: () => (closing ??= closeLab()),
  };
}
