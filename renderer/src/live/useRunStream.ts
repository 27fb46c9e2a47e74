/**
 * Follows one run: subscribes to LabEvents first (so nothing slips between load and subscription), loads the
 * stored history (getRun, getSeries downsampled, getProfiles), merges the events that arrived meanwhile, and
 * then re-renders at most once per animation frame however fast the engine reports: the page follows the
 * screen's pace, not the engine's. When drawing the charts takes longer than a frame (a slow machine, a
 * busy CPU), updates space out to keep most of the time free for input; while the view is hidden (another
 * tab) events only accumulate, and one render catches up when it shows again.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabEvent } from '../../../core/api';
import { getLab } from '../api/lab';
import { MAX_PROFILES, RunBuffer } from './run-buffer';
import { errorMessage } from '../../../core/shared/errors';

/** Points per stored series when opening a run: plenty for a chart, small enough to load at once. */
const HISTORY_POINTS = 4000;
/** After a render that took `cost` ms, the next one waits `IDLE_FACTOR × cost`: three quarters of the time stay free for input. */
const IDLE_FACTOR = 3;
const MAX_GAP_MS = 1000;

export interface RunStream {
  buffer: RunBuffer | null;
  /** Changes whenever the buffer did (at most once per frame): memoise derived data on it. */
  version: number;
  loading: boolean;
  error: string | null;
}

export function useRunStream(runId: string | null, active = true): RunStream {
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bufferRef = useRef<RunBuffer | null>(null);
  // Render cost bookkeeping: set when a render is requested, measured when it has committed.
  const renderStart = useRef(0);
  const renderCost = useRef(0);
  const activeRef = useRef(active);
  const dirty = useRef(false);
  activeRef.current = active;

  useEffect(() => {
    if (renderStart.current) {
      renderCost.current = performance.now() - renderStart.current;
      renderStart.current = 0;
    }
  }, [version]);

  // Shown again: draw what accumulated while hidden.
  useEffect(() => {
    if (active && dirty.current) {
      dirty.current = false;
      setVersion((v) => v + 1);
    }
  }, [active]);

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
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    const render = () => {
      frame = 0;
      if (!live) return;
      lastAt = renderStart.current = performance.now();
      setVersion((v) => v + 1);
    };
    const schedule = () => {
      if (!live) return;
      if (!activeRef.current) {
        dirty.current = true;
        return;
      }
      if (frame || timer) return;
      const wait = lastAt + Math.min(MAX_GAP_MS, IDLE_FACTOR * renderCost.current) - performance.now();
      if (wait <= 0) frame = requestAnimationFrame(render);
      else
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(render);
        }, wait);
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
    Promise.all([
      lab.getRun({ runId }),
      lab.getSeries({ runId, maxPoints: HISTORY_POINTS }),
      lab.getProfiles({ runId, max: MAX_PROFILES }),
    ])
      .then(([run, series, profiles]) => {
        if (!live) return;
        buffer.loadHistory({ ...run, spec: run.spec ?? undefined }, series.series, profiles.profiles);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
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
      if (timer) clearTimeout(timer);
    };
  }, [runId]);

  return { buffer: bufferRef.current, version, loading, error };
}
