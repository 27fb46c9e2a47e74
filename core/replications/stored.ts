/**
 * The stored side of a replication: its runs grouped into batches by tag, and the accessors `evaluate` reads
 * them through. A replication's runs carry `replication:ID`, `replication-batch:<scale>.<id>` and
 * `replication-run:<key>`; the result comes from the newest batch whose runs have all ended.
 */
import { RunQuerySchema, type GradientProfile, type ReplicationScale, type RunSummary, type Series } from '../api';
import { trainedSpec, type LabStore } from '../store';
import type { ReplicationData, ReplicationRun } from './types';

export const REPLICATION_TAG = (id: string) => `replication:${id}`;
export const REPLICATION_BATCH_PREFIX = 'replication-batch:';
export const REPLICATION_KEY_PREFIX = 'replication-run:';

export interface StoredBatch {
  id: string;
  scale: ReplicationScale;
  runs: { key: string; run: RunSummary }[];
}

function tagValue(tags: readonly string[], prefix: string): string | undefined {
  return tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
}

function scaleOf(batchId: string): ReplicationScale {
  const s = batchId.split('.')[0];
  return s === 'full' || s === 'smallest' ? s : 'reduced';
}

/** The batches of one replication, newest first (batch ids end in a time-ordered id). */
export function storedBatches(store: LabStore, id: string): StoredBatch[] {
  const page = store.listRuns(
    RunQuerySchema.parse({ tag: [REPLICATION_TAG(id)], sort: 'createdAt', order: 'asc', limit: 10_000 }),
  );
  const byBatch = new Map<string, StoredBatch>();
  for (const run of page.runs) {
    const batch = tagValue(run.tags, REPLICATION_BATCH_PREFIX);
    const key = tagValue(run.tags, REPLICATION_KEY_PREFIX);
    if (!batch || !key) continue;
    let b = byBatch.get(batch);
    if (!b) byBatch.set(batch, (b = { id: batch, scale: scaleOf(batch), runs: [] }));
    b.runs.push({ key, run });
  }
  const stamp = (b: StoredBatch) => b.id.slice(b.id.indexOf('.') + 1);
  return [...byBatch.values()].sort((a, b) => (stamp(a) < stamp(b) ? 1 : -1));
}

function storedRun(store: LabStore, key: string, run: RunSummary): ReplicationRun {
  const spec = trainedSpec(store.getRun(run.id));
  const series = new Map<string, Series | undefined>();
  let profiles: GradientProfile[] | null = null;
  const self: ReplicationRun = {
    key,
    run,
    spec,
    series(metric) {
      if (!series.has(metric)) series.set(metric, store.getSeries(run.id, { metrics: [metric] })[0]);
      return series.get(metric);
    },
    profiles() {
      return (profiles ??= store.getProfiles(run.id));
    },
    profile(step) {
      const ps = self.profiles();
      let best: GradientProfile | undefined;
      for (const p of ps) {
        if (!best) best = p;
        else if (step === undefined ? p.step > best.step : Math.abs(p.step - step) < Math.abs(best.step - step))
          best = p;
      }
      return best?.layers.find((l) => l.layer === 0);
    },
  };
  return self;
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
