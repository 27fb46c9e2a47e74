/**
 * The Replications half of LabApi: core/replications' runner wired to this Lab's handlers, store and events.
 * Replication runs are ordinary runs, tagged `replication:ID`.
 */
import type { Replication } from '../api';
import { L } from '../lessons/text';
import { createReplicationRunner } from '../replications/runner';
import { runnerOps, type ContentHost, type ContentHostDeps } from './content-host';

export interface ReplicationHostDeps extends ContentHostDeps {
  /** Where the full form could go; until a cluster broker exists in this lab it cannot go anywhere. */
  cluster?: () => Replication['cluster'];
}

export type ReplicationMethod = 'listReplications' | 'getReplication' | 'runReplication';

export type ReplicationHost = ContentHost<ReplicationMethod>;

export const NO_CLUSTER: Replication['cluster'] = {
  available: false,
  reason: L(
    'Replications do not go to the cluster yet (runs and sweeps do, from the command line: gradlab train|sweep --broker URL); run the full form here with `gradlab replicate ID`, or the reduced one.',
    '复现实验暂时还不能发往集群（单次运行和扫描可以，在命令行用 gradlab train|sweep --broker URL）；请在本机用 `gradlab replicate ID` 运行完整形式，或运行缩减形式。',
  ),
};

export function replicationHost(deps: ReplicationHostDeps): ReplicationHost {
  const runner = createReplicationRunner({ ...runnerOps(deps), cluster: deps.cluster ?? (() => NO_CLUSTER) });
  return {
    handlers: {
      listReplications: async () => ({ replications: await runner.list() }),
      getReplication: ({ id }) => runner.get(id),
      runReplication: ({ id, scale }) => runner.run(id, scale),
    },
    close: () => runner.close(),
  };
}
