/**
 * The Replications half of LabApi: core/replications' runner wired to this Lab's handlers, store and events.
 * Replication runs are ordinary runs, tagged `replication:ID`.
 */
import type { LabEvent, LabHandlers, Replication, RunSummary } from '../api';
import type { LabStore } from '../store';
import { createReplicationRunner } from '../replications/runner';

export interface ReplicationHostDeps {
  store(): LabStore | null;
  /** The Lab's own run operations, which replication runs go through like any other run. */
  startRun: LabHandlers['startRun'];
  startSweep: LabHandlers['startSweep'];
  tagRun: LabHandlers['tagRun'];
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
  /** Where the full form could go; until a cluster broker exists in this lab it cannot go anywhere. */
  cluster?: () => Replication['cluster'];
}

export type ReplicationMethod = 'listReplications' | 'getReplication' | 'runReplication';

export interface ReplicationHost {
  handlers: Pick<LabHandlers, ReplicationMethod>;
  close(): void;
}

export const NO_CLUSTER: Replication['cluster'] = {
  available: false,
  reason:
    'Replications do not go to the cluster yet (runs and sweeps do, from the command line: gradlab train|sweep --broker URL); run the full form here with `gradlab replicate ID`, or the reduced one.',
};

export function replicationHost(deps: ReplicationHostDeps): ReplicationHost {
  const runner = createReplicationRunner({
    store: deps.store,
    startRun: (spec) => deps.startRun({ spec }),
    startSweep: ({ name, base, grid }) => deps.startSweep({ name, base, grid }),
    tagRun: (runId, add) => deps.tagRun({ runId, add, remove: [] }),
    whenEnded: deps.whenEnded,
    subscribe: deps.subscribe,
    emit: deps.emit,
    cluster: deps.cluster ?? (() => NO_CLUSTER),
  });
  return {
    handlers: {
      listReplications: async () => ({ replications: await runner.list() }),
      getReplication: ({ id }) => runner.get(id),
      runReplication: ({ id, scale }) => runner.run(id, scale),
    },
    close: () => runner.close(),
  };
}
