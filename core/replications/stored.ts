/**
 * The stored side of a replication: its runs grouped into batches by tag, and the accessors `evaluate` reads
 * them through. A replication's runs carry `replication:ID`, `replication-batch:<scale>.<id>` and
 * `replication-run:<key>`; the result comes from the newest batch whose runs have all ended.
 */
import type { ReplicationScale, RunSummary } from '../api';
import type { LabStore } from '../store';
import { batchesByTag } from '../lessons/runner/batches';
import { storedRun } from '../lessons/runner/verdicts';
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

export function batchData(store: LabStore, batch: StoredBatch): ReplicationData {
  const runs = batch.runs.map(({ key, run }) => storedRun(store, key, run));
  return {
    scale: batch.scale,
    runs,
    run(key) {
      const r = runs.find((x) => x.key === key);
      if (!r) throw new Error(`The batch has no run "${key}" (was it deleted?)`);
      return r;
    },
    sweep: (key) => runs.filter((x) => x.key === key),
  };
}
