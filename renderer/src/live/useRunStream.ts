/**
 * Follows one run: subscribes to LabEvents first (so nothing slips between load and subscription), loads the
 * stored history (getRun, getSeries downsampled, getProfiles), merges the events that arrived meanwhile, and
 * then re-renders at most once per animation frame however fast the engine reports: the page follows the
 * screen's pace, not the engine's.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabEvent } from '../../../core/api';
import { getLab } from '../api/lab';
import { RunBuffer } from './run-buffer';

/** Points per stored series when opening a run: plenty for a chart, small enough to load at once. */
const HISTORY_POINTS = 4000;

export interface RunStream {
  buffer: RunBuffer | null;
  /** Changes whenever the buffer did (at most once per frame): memoise derived data on it. */
  version: number;
  loading: boolean;
  error: string | null;
}

export function useRunStream(runId: string | null): RunStream {
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bufferRef = useRef<RunBuffer | null>(null);

  useEffect(() => {
    if (!runId) {
      bufferRef.current = null;
      setVersion((v) => v + 1);
      return;
    }
    const buffer = new RunBuffer(runId);
    bufferRef.current = buffer;
    let live = true;
    let frame = 0;
    const schedule = () => {
      if (frame || !live) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (live) setVersion((v) => v + 1);
      });
    };

    // Until the history is in, events wait here; then they are applied in order on top of it.
    let pending: LabEvent[] | null = [];
    const unsubscribe = getLab().onEvent((e) => {
      if (pending) pending.push(e);
      else if (buffer.apply(e)) schedule();
    });

    setLoading(true);
    setError(null);
    const lab = getLab();
    Promise.all([lab.getRun({ runId }), lab.getSeries({ runId, maxPoints: HISTORY_POINTS }), lab.getProfiles({ runId })])
      .then(([run, series, profiles]) => {
        if (!live) return;
        buffer.loadHistory(run, series.series, profiles.profiles);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        if (!live) return;
        for (const e of pending ?? []) buffer.apply(e);
        pending = null;
        setLoading(false);
        schedule();
      });

    return () => {
      live = false;
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [runId]);

  return { buffer: bufferRef.current, version, loading, error };
}
