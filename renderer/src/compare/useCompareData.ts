/**
 * The records Compare plots: each run's detail (spec, metric names) and its downsampled series. Runs are
 * fetched in one getSeriesMany call per wave and cached, so adding a run to the comparison does not refetch the others; runs that are
 * still training are refetched (throttled) as their step events arrive.
 */
import { useEffect, useRef, useState } from 'react';
import type { RunDetail, Series } from '../../../core/api/records';
import { getLab } from '../api/lab';
import { errorMessage } from '../../../core/shared/errors';
import { i18n } from '../i18n';
import { SERIES_MANY_MAX_POINTS, SERIES_MANY_MAX_RUNS } from '../../../core/shared/series-limits';

export interface CompareRun {
  id: string;
  detail: RunDetail;
  series: ReadonlyMap<string, Series>;
}

export interface CompareData {
  /** Loaded runs, in the order asked for. */
  runs: CompareRun[];
  loading: boolean;
  /** Run id → why it could not be loaded (deleted, unreadable). */
  errors: ReadonlyMap<string, string>;
}

/** Points per curve: enough for a crisp line at any window width; the host downsamples with LTTB. */
export const MAX_POINTS = 1500;
/** Curves Compare draws; others are fetched when the "other metric" panel asks for them. */
export const BASE_METRICS = ['loss', 'heldoutLoss', 'gradNorm', 'horizon', 'clipped'];
const LIVE_REFRESH_MS = 2000;

/** Every run of a wave in one request (with details): 50 runs were 100 requests, each queued behind the others. */
async function loadRuns(ids: readonly string[], metrics: string[]): Promise<PromiseSettledResult<CompareRun>[]> {
  const byId = new Map<string, CompareRun>();
  // The host answers at most SERIES_MANY_MAX_RUNS per call and runIds × maxPoints ≤ SERIES_MANY_MAX_POINTS.
  const perCall = Math.min(SERIES_MANY_MAX_RUNS, Math.floor(SERIES_MANY_MAX_POINTS / MAX_POINTS));
  for (let i = 0; i < ids.length; i += perCall) {
    const answer = await getLab().getSeriesMany({
      runIds: ids.slice(i, i + perCall),
      metrics,
      maxPoints: MAX_POINTS,
      details: true,
    });
    for (const r of answer.runs)
      if (r.detail)
        byId.set(r.runId, { id: r.runId, detail: r.detail, series: new Map(r.series.map((s) => [s.metric, s])) });
  }
  return ids.map((id) => {
    const run = byId.get(id);
    if (run) return { status: 'fulfilled', value: run };
    // Listed in the answer's `missing`: deleted since it was ticked.
    return { status: 'rejected', reason: new Error(i18n.t('deleted', { ns: 'compare' })) };
  });
}

export function useCompareData(runIds: readonly string[], extraMetric: string | null): CompareData {
  const [cache, setCache] = useState<ReadonlyMap<string, CompareRun>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [pending, setPending] = useState(0);
  const metrics = extraMetric && !BASE_METRICS.includes(extraMetric) ? [...BASE_METRICS, extraMetric] : BASE_METRICS;
  const metricsKey = metrics.join(',');
  const loadedWith = useRef(new Map<string, string>());

  // Runs are fetched in waves and committed in one state update per wave: with 50 runs, committing each run as
  // it arrives re-drew every chart 50 times (quadratic in the number of runs).
  const fetchRuns = (ids: readonly string[]) => {
    if (!ids.length) return;
    setPending((n) => n + 1);
    for (const id of ids) loadedWith.current.set(id, metricsKey);
    const wanted = metricsKey.split(',');
    void loadRuns(ids, wanted)
      .catch((e: unknown) => ids.map((): PromiseSettledResult<CompareRun> => ({ status: 'rejected', reason: e })))
      .then((results) => {
        setCache((prev) => {
          const next = new Map(prev);
          results.forEach((r) => r.status === 'fulfilled' && next.set(r.value.id, r.value));
          return next;
        });
        setErrors((prev) => {
          const next = new Map(prev);
          results.forEach((r, i) => {
            const id = ids[i] as string;
            if (r.status === 'fulfilled') next.delete(id);
            else next.set(id, errorMessage(r.reason));
          });
          return next;
        });
      })
      .finally(() => setPending((n) => n - 1));
  };
  const fetchRef = useRef(fetchRuns);
  fetchRef.current = fetchRuns;

  const idsKey = runIds.join(',');
  useEffect(() => {
    const ids = idsKey ? idsKey.split(',') : [];
    fetchRef.current(ids.filter((id) => loadedWith.current.get(id) !== metricsKey));
  }, [idsKey, metricsKey]);

  useEffect(() => {
    const ids = new Set(idsKey ? idsKey.split(',') : []);
    const due = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = getLab().onEvent((e) => {
      const id = 'runId' in e ? e.runId : 'run' in e ? e.run.id : null;
      if (id === null || !ids.has(id)) return;
      if (e.type === 'run.deleted') {
        setErrors((prev) => new Map(prev).set(id, i18n.t('deleted', { ns: 'compare' })));
        setCache((prev) => new Map([...prev].filter(([k]) => k !== id)));
        return;
      }
      if (e.type === 'run.profiles') return; // the horizon series arrives with the next steps batch
      due.add(id);
      timer ??= setTimeout(() => {
        timer = null;
        fetchRef.current([...due]);
        due.clear();
      }, LIVE_REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [idsKey]);

  const runs = runIds.flatMap((id) => {
    const r = cache.get(id);
    return r ? [r] : [];
  });
  return { runs, loading: pending > 0, errors };
}
