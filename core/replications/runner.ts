/**
 * Runs replications through the Lab's public operations (startRun, startSweep, tagRun) and judges them
 * from the store. A result is always derived from stored runs — the latest complete batch — so it survives
 * a restart. Progress counts training steps over the batch and arrives as `replication.updated` events.
 */
import {
  LabError,
  REPLICATION_IDS,
  type ExperimentSpec,
  type LabEvent,
  type Placement,
  type Replication,
  type ReplicationId,
  type ReplicationResult,
  type ReplicationScale,
  type RunSummary,
} from '../api';
import type { LabStore } from '../store';
import { replicationDefinition } from './registry';
import {
  batchData,
  REPLICATION_BATCH_PREFIX,
  REPLICATION_KEY_PREFIX,
  REPLICATION_TAG,
  storedBatches,
  type StoredBatch,
} from './stored';
import type { PlannedItem, ReplicationDefinition } from './types';
import { timeOrderedId } from '../lessons/runner/batches';
import { launchItems } from '../lessons/runner/launch';
import { followBatch } from '../lessons/runner/batch-runner';
import {
  newActiveBatch,
  progressOf,
  stopProgress,
  throttledProgress,
  waitingOf,
  type ActiveBatch,
} from '../lessons/runner/progress';

export interface ReplicationRunnerDeps {
  store(): LabStore | null;
  startRun(spec: ExperimentSpec, placement?: Placement): Promise<RunSummary>;
  startSweep(
    args: {
      name: string;
      base: ExperimentSpec;
      grid: Record<string, unknown[]>;
    },
    placement?: Placement,
  ): Promise<{ sweepId: string; runs: RunSummary[] }>;
  tagRun(runId: string, add: string[]): Promise<RunSummary>;
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
  /** Whether a cluster can take the full form, and if not, why (shown beside "Run on the cluster"). */
  cluster(): Replication['cluster'];
  progressMs?: number;
}

export interface ReplicationRunner {
  list(): Promise<Replication[]>;
  get(id: ReplicationId): Promise<Replication>;
  run(id: ReplicationId, scale: ReplicationScale, placement?: Placement): Promise<Replication>;
  close(): void;
}

const ENDED_BAD = new Set(['failed', 'stopped', 'interrupted']);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function plannedRunCount(items: PlannedItem[]): number {
  return items.reduce(
    (n, it) => n + (it.kind === 'run' ? 1 : Object.values(it.grid).reduce((m, v) => m * v.length, 1)),
    0,
  );
}

/** A running batch of a replication: the lessons' own, with where its runs train. */
type Active = ActiveBatch<ReplicationScale> & { placement: Placement };

/** The lab's operations with every run placed where the batch trains. */
function placed(deps: ReplicationRunnerDeps, placement: Placement) {
  return {
    startRun: (spec: ExperimentSpec) => deps.startRun(spec, placement),
    startSweep: (args: Parameters<ReplicationRunnerDeps['startSweep']>[0]) => deps.startSweep(args, placement),
    tagRun: deps.tagRun,
  };
}

export function createReplicationRunner(deps: ReplicationRunnerDeps): ReplicationRunner {
  const active = new Map<ReplicationId, Active>();
  const startErrors = new Map<ReplicationId, string>();
  const results = new Map<string, { signature: string; result: ReplicationResult }>();
  let closed = false;

  const definition = (id: ReplicationId): ReplicationDefinition => {
    const def = replicationDefinition(id);
    if (!def) throw new LabError('not_found', `No replication "${id}" (known: ${REPLICATION_IDS.join(', ')})`);
    return def;
  };

  const judge = (def: ReplicationDefinition, store: LabStore, batch: StoredBatch): ReplicationResult => {
    const signature = batch.runs.map((r) => `${r.run.id}:${r.run.status}:${r.run.endedAt}`).join(',');
    const cached = results.get(batch.id);
    if (cached && cached.signature === signature) return cached.result;
    const outcome = def.evaluate(batchData(store, batch));
    const created = Math.min(...batch.runs.map((r) => Date.parse(r.run.createdAt)));
    const ended = Math.max(...batch.runs.map((r) => Date.parse(r.run.endedAt ?? r.run.createdAt)));
    const result = {
      ...outcome,
      runIds: batch.runs.map((r) => r.run.id),
      scale: batch.scale,
      finishedAt: new Date(ended).toISOString(),
      durationMs: ended - created,
    };
    results.set(batch.id, { signature, result });
    return result;
  };

  const view = async (id: ReplicationId): Promise<Replication> => {
    const def = definition(id);
    const act = active.get(id);
    const base = {
      id,
      paper: def.paper,
      claim: def.claim,
      published: def.published,
      setup: {
        full: def.plan('full'),
        reduced: def.plan('reduced'),
        smallest: def.plan('smallest'),
        differences: def.differences,
      },
      cluster: deps.cluster(),
      placement: act?.placement ?? null,
      waiting: act?.placement === 'cluster' && waitingOf(act),
    };
    const store = deps.store();
    const progress = progressOf(act);
    if (!store) return { ...base, state: 'new', progress: null, error: null, result: null };
    let error: string | null = act ? null : (startErrors.get(id) ?? null);
    let result: ReplicationResult | null = null;
    // The newest ended batch decides whether the replication failed; the newest sound one gives the result.
    let newest = true;
    const report = (problem: string) => {
      if (newest && !act && error === null) error = problem;
      newest = false;
    };
    for (const batch of storedBatches(store, id).filter((b) => b.id !== act?.id)) {
      if (batch.runs.some((r) => r.run.status === 'queued' || r.run.status === 'running')) continue;
      const bad = batch.runs.filter((r) => ENDED_BAD.has(r.run.status));
      if (bad.length) {
        report(
          `The last run of this replication did not finish: ${bad.map((b) => `${b.run.name} ${b.run.status}${b.run.error ? ` (${b.run.error})` : ''}`).join('; ')}`,
        );
        continue;
      }
      if (batch.runs.length !== plannedRunCount(def.items(batch.scale))) {
        report('Runs of the last batch of this replication are missing (deleted?)');
        continue;
      }
      try {
        result = judge(def, store, batch);
      } catch (e) {
        report(`Could not judge the last batch of this replication: ${messageOf(e)}`);
        continue;
      }
      break;
    }
    const state = act ? 'running' : error !== null ? 'failed' : result ? 'done' : 'new';
    return { ...base, state, progress, error, result };
  };

  const publish = (id: ReplicationId): void => {
    if (closed) return;
    view(id)
      .then((replication) => !closed && deps.emit({ type: 'replication.updated', replication }))
      .catch(() => undefined);
  };

  const launch = (id: ReplicationId, def: ReplicationDefinition, act: Active): Promise<RunSummary[]> =>
    launchItems(placed(deps, act.placement), def.items(act.scale), (key) => [
      REPLICATION_TAG(id),
      `${REPLICATION_BATCH_PREFIX}${act.id}`,
      `${REPLICATION_KEY_PREFIX}${key}`,
    ]);

  return {
    list: () => Promise.all(REPLICATION_IDS.map((id) => view(id))),
    get: (id) => view(id),
    async run(id, scale, placement = 'local') {
      const def = definition(id);
      if (!deps.store())
        throw new LabError('unavailable', 'This lab was opened without a run history database: replications need one');
      const cluster = deps.cluster();
      if (placement === 'cluster' && !cluster.available)
        throw new LabError('unavailable', `Replication ${id} cannot run on the cluster: ${cluster.reason.en}`);
      if (active.has(id)) throw new LabError('conflict', `Replication ${id} is already running`);
      const act: Active = { ...newActiveBatch(`${scale}.${timeOrderedId()}`, scale), placement };
      active.set(id, act);
      startErrors.delete(id);
      await followBatch(deps, act, () => launch(id, def, act), {
        what: 'replication',
        changed: () =>
          throttledProgress(
            act,
            deps.progressMs ?? 500,
            () => publish(id),
            () => active.get(id) === act,
          ),
        finish: (error) => {
          stopProgress(act);
          if (error) startErrors.set(id, error);
          active.delete(id);
          publish(id);
        },
      });
      const replication = await view(id);
      deps.emit({ type: 'replication.updated', replication });
      return replication;
    },
    close() {
      closed = true;
      for (const act of active.values()) stopProgress(act);
    },
  };
}
