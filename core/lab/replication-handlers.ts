/**
 * The Replications half of LabApi: core/replications' runner wired to this Lab's handlers, store and events.
 * Replication runs are ordinary runs, tagged `replication:ID`.
 */
import type { Replication } from '../api';
import { L } from '../lessons/text';
import { createReplicationRunner } from '../replications/runner';
import { placedRunnerOps, type ContentHost, type ContentHostDeps } from './content-host';

export interface ReplicationHostDeps extends ContentHostDeps {
  /** Where the full form could go; until a cluster broker exists in this lab it cannot go anywhere. */
  cluster?: () => Replication['cluster'];
}

export type ReplicationMethod = 'listReplications' | 'getReplication' | 'runReplication';

export type ReplicationHost = ContentHost<ReplicationMethod>;

export const NO_CLUSTER: Replication['cluster'] = {
  available: false,
  reason: L(
    'No cluster broker is configured: open the lab with --broker redis://:PASSWORD@HOST:PORT (or set GRADLAB_BROKER), e.g. gradlab replicate ID --broker URL.',
    '未配置集群代理：用 --broker redis://:PASSWORD@HOST:PORT 打开实验室（或设置 GRADLAB_BROKER），例如 gradlab replicate ID --broker URL。',
  ),
};

export const CLUSTER_READY: Replication['cluster'] = {
  available: true,
  reason: L(
    'A cluster broker is configured: the runs are enqueued for its workers.',
    '已配置集群代理：运行将排队交给它的工作节点。',
  ),
};

export function replicationHost(deps: ReplicationHostDeps): ReplicationHost {
  const runner = createReplicationRunner({ ...placedRunnerOps(deps), cluster: deps.cluster ?? (() => NO_CLUSTER) });
  return {
    handlers: {
      listReplications: async () => ({ replications: await runner.list() }),
      getReplication: ({ id }) => runner.get(id),
      runReplication: ({ id, scale, placement }) => runner.run(id, scale, placement),
    },
    close: () => runner.close(),
  };
}
