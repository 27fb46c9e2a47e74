/**
 * The stored side of a replication: its runs grouped into batches by tag, and the accessors `evaluate` reads
 * them through. A replication's runs carry `replication:ID`, `replication-batch:<scale>.<id>` and
 * `replication-run:<key>`; the result comes from the newest batch whose runs have all ended.
 */
import type { ReplicationScale, RunSummary } from '../api';
import type { LabStore } from '../store';
import { batchesByTag } from '../lessons/runner/batches';
import { batchRunsData } from '../lessons/runner/verdicts';
import type { ReplicationData } from './types';

export const REPLICATION_TAG = (id: string) => `replication:${id}`;
export const REPLICATION_BATCH_PREFIX = 'replication-batch:';
export const REPLICATION_KEY_PREFIX = 'replication-run:';

export interface StoredBatch {
  id: string;
  scale: ReplicationScale;
  runs: { key: string; run: RunSummary }[];
}

function scaleOf(batchId: string): ReplicationScale {
  const s = batchId.split('.')[0];
  return s === 'full' || s === 'smallest' ? s : 'reduced';
}

/** The batches of one replication, newest first (the lessons' own grouping, on the replication's tags). */
export function storedBatches(store: LabStore, id: string): StoredBatch[] {
  return batchesByTag(store, {
    tag: REPLICATION_TAG(id),
    batchPrefix: REPLICATION_BATCH_PREFIX,
    keyPrefix: REPLICATION_KEY_PREFIX,
    scaleOf,
  });
}

/** The lessons' own reading of a batch: a replication's data is a lesson's without predictions. */
export function batchData(store: LabStore, batch: StoredBatch): ReplicationData {
  return batchRunsData(store, batch);
}
