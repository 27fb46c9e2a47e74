/**
 * One page of runs for a query, kept current by the lab's events. Events that can change which runs match or
 * how they sort (queued, finished, renamed, deleted...) trigger a throttled re-query; step events only patch
 * the progress of rows already on the page, so a training sweep does not re-query the host ten times a second.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunQuery } from '../../../core/api/contract';
import type { RunSummary } from '../../../core/api/records';
import type { LabEvent } from '../../../core/api/events';
import { getLab } from '../api/lab';
import { errorText } from '../ui/error-text';
import { latestOnly } from './latest-only';

export interface LiveProgress {
  stepsDone: number;
  stepsTotal: number;
  /** Latest training loss seen in step events (the stored final loss exists only once a run ends). */
  loss: number;
}

export interface RunList {
  runs: RunSummary[];
  total: number;
  loading: boolean;
  error: string | null;
  live: ReadonlyMap<string, LiveProgress>;
  refresh: () => void;
}

const REQUERY_MS = 500;
const PROGRESS_MS = 300;

const STRUCTURAL: ReadonlySet<LabEvent['type']> = new Set([
  'run.queued',
  'run.started',
  'run.finished',
  'run.diverged',
  'run.failed',
  'run.interrupted',
  'run.updated',
  'run.deleted',
]);

export function useRunList(query: RunQuery): RunList {
  const [page, setPage] = useState<{ runs: RunSummary[]; total: number }>({ runs: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<ReadonlyMap<string, LiveProgress>>(new Map());
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  const gate = useRef(latestOnly()).current;

  useEffect(() => {
    setLoading(true);
    // A newer query (the next pause in typing) may answer first: the gate drops the older answer.
    void gate.run(
      () => getLab().listRuns(JSON.parse(key) as RunQuery),
      (res) => {
        setPage(res);
        setError(null);
        setLoading(false);
        // Stored progress now reflects what the events said; keep live numbers only for runs still going.
        setLive(
          (prev) => new Map([...prev].filter(([id]) => res.runs.some((r) => r.id === id && r.status === 'running'))),
        );
      },
      (e) => {
        setError(errorText(e));
        setLoading(false);
      },
    );
  }, [key, tick, gate]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let requery: ReturnType<typeof setTimeout> | null = null;
    let flush: ReturnType<typeof setTimeout> | null = null;
    const pending = new Map<string, LiveProgress>();
    const unsubscribe = getLab().onEvent((event) => {
      if (STRUCTURAL.has(event.type)) {
        requery ??= setTimeout(() => {
          requery = null;
          setTick((t) => t + 1);
        }, REQUERY_MS);
      } else if (event.type === 'run.steps') {
        const last = event.steps.at(-1);
        if (!last) return;
        pending.set(event.runId, { stepsDone: last.step, stepsTotal: event.stepsTotal, loss: last.loss });
        flush ??= setTimeout(() => {
          flush = null;
          const batch = new Map(pending);
          pending.clear();
          setLive((prev) => new Map([...prev, ...batch]));
        }, PROGRESS_MS);
      }
    });
    return () => {
      unsubscribe();
      if (requery) clearTimeout(requery);
      if (flush) clearTimeout(flush);
    };
  }, []);

  return { ...page, loading, error, live, refresh };
}
