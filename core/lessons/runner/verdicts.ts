/**
 * The verdict of a stored batch: the lesson's evaluate() over the batch's runs, cached until one of them
 * changes (status or end time), so re-opening a lesson does not judge it again.
 */
import type { GradientProfile, LessonResult, RunSummary, Series } from '../../api';
import { trainedSpec, type LabStore } from '../../store';
import type { LessonData, LessonDefinition, LessonRun, StoredPredictions } from '../types';
import type { StoredBatch } from './batches';

function nearestProfile(profiles: GradientProfile[], step: number | undefined): GradientProfile | undefined {
  let best: GradientProfile | undefined;
  for (const p of profiles) {
    if (!best) best = p;
    else if (step === undefined ? p.step > best.step : Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  }
  return best;
}

/** One stored run as a lesson (or a replication) reads it: its series and profiles fetched on first use. */
export function storedRun(store: LabStore, key: string, run: RunSummary): LessonRun {
  const spec = trainedSpec(store.getRun(run.id));
  const series = new Map<string, Series | undefined>();
  let profiles: GradientProfile[] | null = null;
  const self: LessonRun = {
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
      return nearestProfile(self.profiles(), step)?.layers.find((l) => l.layer === 0);
    },
  };
  return self;
}

export type PredictionsOf = (store: LabStore, r: LessonRun, count: number) => Promise<StoredPredictions>;

/** A stored batch as its evaluate() reads it: lessons and replications alike (lessons add predictions). */
export function batchRunsData<S>(
  store: LabStore,
  batch: { scale: S; runs: { key: string; run: RunSummary }[] },
): { scale: S; runs: LessonRun[]; run(key: string): LessonRun; sweep(key: string): LessonRun[] } {
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

function dataOf(store: LabStore, batch: StoredBatch, predictions: PredictionsOf): LessonData {
  const data = batchRunsData(store, batch);
  return { ...data, predictions: (key, count) => predictions(store, data.run(key), count) };
}

export type Judge = (def: LessonDefinition, store: LabStore, batch: StoredBatch) => Promise<LessonResult>;

export function createVerdictCache(predictions: PredictionsOf): Judge {
  const results = new Map<string, { signature: string; result: Promise<LessonResult> }>();
  return (def, store, batch) => {
    const signature = batch.runs.map((r) => `${r.run.id}:${r.run.status}:${r.run.endedAt}`).join(',');
    const cached = results.get(batch.id);
    if (cached && cached.signature === signature) return cached.result;
    const result = (async (): Promise<LessonResult> => {
      const outcome = await def.evaluate(dataOf(store, batch, predictions));
      const created = Math.min(...batch.runs.map((r) => Date.parse(r.run.createdAt)));
      const ended = Math.max(...batch.runs.map((r) => Date.parse(r.run.endedAt ?? r.run.createdAt)));
      return {
        ...outcome,
        runIds: batch.runs.map((r) => r.run.id),
        scale: batch.scale,
        finishedAt: new Date(ended).toISOString(),
        durationMs: ended - created,
      };
    })();
    results.set(batch.id, { signature, result });
    result.catch(() => results.delete(batch.id));
    return result;
  };
}
