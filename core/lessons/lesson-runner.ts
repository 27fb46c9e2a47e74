/**
 * Runs lessons through the Lab and judges them from the store. A lesson's runs carry three tags:
 * `lesson:N`, `lesson-batch:<scale>.<id>` (one per click of Run lesson) and `lesson-run:<key>` (which planned
 * run it is). A result is always derived from stored runs — the latest complete batch — so re-opening a
 * lesson, even after a restart, shows the last result without training again. Progress counts training
 * steps over the batch's runs and arrives as `lesson.updated` events.
 */
import {
  ExperimentSpecSchema,
  LabError,
  RunQuerySchema,
  type ExperimentSpec,
  type GradientProfile,
  type LabEvent,
  type Lesson,
  type LessonResult,
  type LessonScale,
  type RunSummary,
  type Series,
} from '../api';
import type { Checkpoint } from '../engine/protocol';
import { decodeCheckpoint } from '../engine/checkpoint';
import type { Predictions } from '../engine/predict';
import { trainedSpec, type LabStore } from '../store';
import { PREDICTION_SERIES } from '../figures/from-predictions';
import { LESSONS, lessonDefinition } from './registry';
import type { LessonData, LessonDefinition, LessonRun, PlannedItem, StoredPredictions } from './types';

export interface LessonRunnerDeps {
  /** The run history, or null in a lab without one (lessons are then listed but cannot run). */
  store(): LabStore | null;
  startRun(spec: ExperimentSpec): Promise<RunSummary>;
  startSweep(args: { name: string; base: ExperimentSpec; grid: Record<string, unknown[]> }): Promise<{ sweepId: string; runs: RunSummary[] }>;
  tagRun(runId: string, add: string[]): Promise<RunSummary>;
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
  /** Predictions of a checkpoint by an engine process (core/lab/predictions.ts). */
  predict(spec: ExperimentSpec, checkpoint: Checkpoint, count: number): Promise<Predictions>;
  /** Minimum time between two progress events of one lesson (default 250 ms). */
  progressMs?: number;
}

export const LESSON_TAG = (id: number) => `lesson:${id}`;
export const BATCH_TAG_PREFIX = 'lesson-batch:';
export const KEY_TAG_PREFIX = 'lesson-run:';
/** Series a lesson stores with a run it asked to predict (step = index of the held-out value); the `predictions` figure reads them. */
export const PREDICTION_METRICS = PREDICTION_SERIES;

const ENDED_BAD = new Set(['failed', 'stopped', 'interrupted']);

interface StoredBatch {
  id: string;
  scale: LessonScale;
  runs: { key: string; run: RunSummary }[];
}

interface ActiveBatch {
  id: string;
  scale: LessonScale;
  total: number;
  stepsTotal: Map<string, number>;
  stepsDone: Map<string, number>;
  lastEmit: number;
  timer: NodeJS.Timeout | null;
}

function plannedRunCount(items: PlannedItem[]): number {
  return items.reduce((n, it) => n + (it.kind === 'run' ? 1 : Object.values(it.grid).reduce((m, v) => m * v.length, 1)), 0);
}

function scaleOfBatch(id: string): LessonScale {
  return id.startsWith('reduced.') ? 'reduced' : 'default';
}

function tagValue(tags: readonly string[], prefix: string): string | undefined {
  return tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The stored runs of one lesson, grouped by batch, newest batch first. */
export function storedBatches(store: LabStore, id: number): StoredBatch[] {
  const page = store.listRuns(RunQuerySchema.parse({ tag: [LESSON_TAG(id)], sort: 'createdAt', order: 'asc', limit: 10_000 }));
  const byBatch = new Map<string, StoredBatch>();
  for (const run of page.runs) {
    const batch = tagValue(run.tags, BATCH_TAG_PREFIX);
    const key = tagValue(run.tags, KEY_TAG_PREFIX);
    if (!batch || !key) continue;
    let b = byBatch.get(batch);
    if (!b) byBatch.set(batch, (b = { id: batch, scale: scaleOfBatch(batch), runs: [] }));
    b.runs.push({ key, run });
  }
  // Batch ids end in a time-ordered run-style id: newest last when sorted.
  return [...byBatch.values()].sort((a, b) => (a.id.split('.')[1]! < b.id.split('.')[1]! ? 1 : -1));
}

function nearestProfile(profiles: GradientProfile[], step: number | undefined): GradientProfile | undefined {
  let best: GradientProfile | undefined;
  for (const p of profiles) {
    if (!best) best = p;
    else if (step === undefined ? p.step > best.step : Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  }
  return best;
}

function lessonRun(store: LabStore, key: string, run: RunSummary): LessonRun {
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

export interface LessonRunner {
  list(): Promise<Lesson[]>;
  get(id: number): Promise<Lesson>;
  run(id: number, scale: LessonScale): Promise<Lesson>;
  /** Stops reporting and judging (the Lab stops the runs themselves). */
  close(): void;
}

export function createLessonRunner(deps: LessonRunnerDeps): LessonRunner {
  const active = new Map<number, ActiveBatch>();
  /** The last batch a run of this lab failed to start or judge: its error stays until the next batch. */
  const startErrors = new Map<number, string>();
  const results = new Map<string, { signature: string; result: Promise<LessonResult> }>();
  const predicting = new Map<string, Promise<StoredPredictions>>();
  let closed = false;

  const requireStore = (): LabStore => {
    const s = deps.store();
    if (!s) throw new LabError('unavailable', 'This lab was opened without a run history database: lessons need one');
    return s;
  };

  const definition = (id: number): LessonDefinition => {
    const def = lessonDefinition(id);
    if (!def) throw new LabError('not_found', `No lesson ${id} (lessons are numbered 1 to ${LESSONS.length})`);
    return def;
  };

  const predictionsOf = (store: LabStore, r: LessonRun, count: number): Promise<StoredPredictions> => {
    const inflight = predicting.get(r.run.id);
    if (inflight) return inflight;
    const work = (async (): Promise<StoredPredictions> => {
      const checkpoint = store.getCheckpoint(r.run.id);
      if (!checkpoint) throw new Error(`Run ${r.run.id} (${r.run.name}) has no checkpoint to predict from`);
      const weights = decodeCheckpoint(checkpoint).params.flatMap((p) => Array.from(p.data));
      const nonFiniteWeights = weights.filter((v) => !Number.isFinite(v)).length;
      const facts = { checkpointStep: checkpoint.step, nonFiniteWeights, weights: weights.length };
      const [p, t] = [PREDICTION_METRICS.predicted, PREDICTION_METRICS.target].map((m) => store.getSeries(r.run.id, { metrics: [m] })[0]);
      if (p && t && p.value.length > 0) return { predicted: p.value, target: t.value, ...facts };
      const out = await deps.predict(r.spec, checkpoint, count);
      if (out.outputs.length !== out.targets.length) throw new Error(`Run ${r.run.id}: predictions are drawn for regression tasks only`);
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

  const dataOf = (store: LabStore, batch: StoredBatch): LessonData => {
    const runs = batch.runs.map(({ key, run }) => lessonRun(store, key, run));
    const data: LessonData = {
      scale: batch.scale,
      runs,
      run(key) {
        const r = runs.find((x) => x.key === key);
        if (!r) throw new Error(`The batch has no run "${key}" (was it deleted?)`);
        return r;
      },
      sweep(key) {
        return runs.filter((x) => x.key === key);
      },
      predictions: (key, count) => predictionsOf(store, data.run(key), count),
    };
    return data;
  };

  const judge = (def: LessonDefinition, store: LabStore, batch: StoredBatch): Promise<LessonResult> => {
    const signature = batch.runs.map((r) => `${r.run.id}:${r.run.status}:${r.run.endedAt}`).join(',');
    const cached = results.get(batch.id);
    if (cached && cached.signature === signature) return cached.result;
    const result = (async (): Promise<LessonResult> => {
      const outcome = await def.evaluate(dataOf(store, batch));
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

  const view = async (id: number): Promise<Lesson> => {
    const def = definition(id);
    const base = {
      id,
      title: def.title,
      claim: def.claim,
      explanation: def.explanation,
      plan: `Full size: ${def.plan('default')}\nQuick size: ${def.plan('reduced')}`,
    };
    const store = deps.store();
    const act = active.get(id);
    const progress = act ? { done: [...act.stepsDone.values()].reduce((a, b) => a + b, 0), total: act.total } : null;
    if (!store) return { ...base, state: 'new', progress: null, error: null, result: null };
    const batches = storedBatches(store, id).filter((b) => b.id !== act?.id);
    let error: string | null = act ? null : (startErrors.get(id) ?? null);
    let result: LessonResult | null = null;
    // The newest batch that has ended decides whether the lesson failed; the newest sound one gives the result.
    let newest = true;
    const report = (problem: string) => {
      if (newest && !act && error === null) error = problem;
      newest = false;
    };
    for (const batch of batches) {
      if (batch.runs.some((r) => r.run.status === 'queued' || r.run.status === 'running')) continue;
      const bad = batch.runs.filter((r) => ENDED_BAD.has(r.run.status));
      if (bad.length) {
        report(`The last run of this lesson did not finish: ${bad.map((b) => `${b.run.name} ${b.run.status}${b.run.error ? ` (${b.run.error})` : ''}`).join('; ')}`);
        continue;
      }
      if (batch.runs.length !== plannedRunCount(def.items(batch.scale))) {
        report('Runs of the last batch of this lesson are missing (deleted?)');
        continue;
      }
      try {
        result = await judge(def, store, batch);
      } catch (e) {
        report(`Could not judge the last run of this lesson: ${messageOf(e)}`);
        continue;
      }
      break;
    }
    const state = act ? 'running' : error !== null ? 'failed' : result ? 'done' : 'new';
    return { ...base, state, progress, error, result };
  };

  const publish = (id: number): void => {
    if (closed) return;
    view(id)
      .then((lesson) => !closed && deps.emit({ type: 'lesson.updated', lesson }))
      .catch(() => undefined);
  };

  const progressEvent = (id: number, act: ActiveBatch): void => {
    const wait = (deps.progressMs ?? 250) - (Date.now() - act.lastEmit);
    if (act.timer) return;
    if (wait <= 0) {
      act.lastEmit = Date.now();
      publish(id);
      return;
    }
    act.timer = setTimeout(() => {
      act.timer = null;
      act.lastEmit = Date.now();
      if (active.get(id) === act) publish(id);
    }, wait);
    act.timer.unref();
  };

  const launch = async (id: number, def: LessonDefinition, act: ActiveBatch): Promise<RunSummary[]> => {
    const tags = (key: string) => [LESSON_TAG(id), `${BATCH_TAG_PREFIX}${act.id}`, `${KEY_TAG_PREFIX}${key}`];
    const started: RunSummary[] = [];
    for (const item of def.items(act.scale)) {
      if (item.kind === 'run') {
        const run = await deps.startRun(ExperimentSpecSchema.parse(item.spec));
        started.push(await deps.tagRun(run.id, tags(item.key)));
      } else {
        const sweep = await deps.startSweep({ name: item.name, base: ExperimentSpecSchema.parse(item.base), grid: item.grid });
        for (const run of sweep.runs) started.push(await deps.tagRun(run.id, tags(item.key)));
      }
    }
    return started;
  };

  return {
    list: () => Promise.all(LESSONS.map((l) => view(l.id))),
    get: (id) => view(id),
    async run(id, scale) {
      const def = definition(id);
      requireStore();
      if (active.has(id)) throw new LabError('conflict', `Lesson ${id} is already running`);
      const act: ActiveBatch = { id: `${scale}.${newBatchId()}`, scale, total: 0, stepsTotal: new Map(), stepsDone: new Map(), lastEmit: 0, timer: null };
      active.set(id, act);
      startErrors.delete(id);
      const ids = new Set<string>();
      const off = deps.subscribe((e) => {
        if (e.type !== 'run.steps' || !ids.has(e.runId)) return;
        const last = e.steps[e.steps.length - 1];
        if (last) act.stepsDone.set(e.runId, Math.min(last.step, act.stepsTotal.get(e.runId) ?? last.step));
        progressEvent(id, act);
      });
      const finish = (error: string | null) => {
        off();
        if (act.timer) clearTimeout(act.timer);
        if (error) startErrors.set(id, error);
        active.delete(id);
        publish(id);
      };
      let runs: RunSummary[];
      try {
        runs = await launch(id, def, act);
      } catch (e) {
        finish(`Could not start the lesson's runs: ${messageOf(e)}`);
        throw e;
      }
      for (const r of runs) {
        ids.add(r.id);
        act.stepsTotal.set(r.id, r.stepsTotal);
        act.stepsDone.set(r.id, 0);
      }
      act.total = runs.reduce((n, r) => n + r.stepsTotal, 0);
      void Promise.all(
        runs.map((r) =>
          deps.whenEnded(r.id).then((ended) => {
            // A run that ends early (diverged) has done all it will do.
            act.stepsDone.set(r.id, act.stepsTotal.get(r.id) ?? ended.stepsDone);
            progressEvent(id, act);
          }),
        ),
      ).then(
        () => finish(null),
        (e: unknown) => finish(`The lesson's runs could not be followed: ${messageOf(e)}`),
      );
      const lesson = await view(id);
      deps.emit({ type: 'lesson.updated', lesson });
      return lesson;
    },
    close() {
      closed = true;
      for (const act of active.values()) if (act.timer) clearTimeout(act.timer);
    },
  };
}

/** Time-ordered (base 36 milliseconds) with a random tail, like run ids. */
function newBatchId(): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const rand = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return time + rand;
}
