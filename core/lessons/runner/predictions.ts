/**
 * Predictions a lesson judges by: read back from the store when a run has them, else asked of an engine
 * (the `predict` the lab passes in) once per run, however many views ask at the same time, and stored.
 */
import type { Checkpoint, ExperimentSpec } from '../../api';
import { decodeCheckpoint } from '../../engine/checkpoint';
import type { Predictions } from '../../engine/predict';
import { PREDICTION_SERIES } from '../../figures/from-predictions';
import type { LabStore } from '../../store';
import type { LessonRun, StoredPredictions } from '../types';

/** Series a lesson stores with a run it asked to predict (step = index of the held-out value); the `predictions` figure reads them. */
export const PREDICTION_METRICS = PREDICTION_SERIES;

export type Predict = (spec: ExperimentSpec, checkpoint: Checkpoint, count: number) => Promise<Predictions>;

export interface PredictionCache {
  get(store: LabStore, r: LessonRun, count: number): Promise<StoredPredictions>;
  /** Later answers are no longer stored (the lab is closing). */
  close(): void;
}

export function createPredictionCache(predict: Predict): PredictionCache {
  const predicting = new Map<string, Promise<StoredPredictions>>();
  let closed = false;
  const get = (store: LabStore, r: LessonRun, count: number): Promise<StoredPredictions> => {
    const inflight = predicting.get(r.run.id);
    if (inflight) return inflight;
    const work = (async (): Promise<StoredPredictions> => {
      const checkpoint = store.getCheckpoint(r.run.id);
      if (!checkpoint) throw new Error(`Run ${r.run.id} (${r.run.name}) has no checkpoint to predict from`);
      const weights = decodeCheckpoint(checkpoint).params.flatMap((p) => Array.from(p.data));
      const nonFiniteWeights = weights.filter((v) => !Number.isFinite(v)).length;
      const facts = { checkpointStep: checkpoint.step, nonFiniteWeights, weights: weights.length };
      const [p, t] = [PREDICTION_METRICS.predicted, PREDICTION_METRICS.target].map(
        (m) => store.getSeries(r.run.id, { metrics: [m] })[0],
      );
      if (p && t && p.value.length > 0) return { predicted: p.value, target: t.value, ...facts };
      const out = await predict(r.spec, checkpoint, count);
      if (out.outputs.length !== out.targets.length)
        throw new Error(`Run ${r.run.id}: predictions are drawn for regression tasks only`);
      const predicted = Array.from(out.outputs);
      const target = Array.from(out.targets);
      if (!closed) {
        store.appendPoints(r.run.id, [
          ...predicted.map((value, step) => ({ metric: PREDICTION_METRICS.predicted, step, value, wallMs: 0 })),
          ...target.map((value, step) => ({ metric: PREDICTION_METRICS.target, step, value, wallMs: 0 })),
        ]);
      }
      return { predicted, target, ...facts };
    })();
    predicting.set(r.run.id, work);
    return work.finally(() => predicting.delete(r.run.id));
  };
  return {
    get,
    close() {
      closed = true;
    },
  };
}
