/** The replications as the lab reports them, kept current by `replication.updated` events. */
import type { Replication, ReplicationId } from '../../../core/api/replications';
import type { LabEvent } from '../../../core/api';
import { getLab } from '../api/lab';
import { useLiveList, type LiveListSource } from '../lessons/use-live-list';

const SOURCE: LiveListSource<Replication, ReplicationId> = {
  load: async () => (await getLab().listReplications({})).replications,
  fromEvent: (e: LabEvent) => (e.type === 'replication.updated' ? e.replication : undefined),
  key: (r) => r.id,
};

export function useReplications() {
  const { items, ...rest } = useLiveList(SOURCE);
  return { replications: items, ...rest };
}
