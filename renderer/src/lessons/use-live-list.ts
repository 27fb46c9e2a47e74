/**
 * A list the lab reports and keeps current with update events (the lessons, the replications). Subscribes
 * before loading, so no update is lost between the two; an update for an item replaces it in place.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LabEvent } from '../../../core/api';
import { errorMessage } from '../../../core/shared/errors';
import { getLab } from '../api/lab';

export interface LiveList<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  reload: () => void;
  /** Replaces one item (the answer of a run call arrives before its first event may). */
  put: (item: T) => void;
}

export interface LiveListSource<T, K> {
  load: () => Promise<T[]>;
  /** The item an event carries, or undefined when the event is not about this list. */
  fromEvent: (e: LabEvent) => T | undefined;
  key: (item: T) => K;
  /** Order of items added by events (default: appended). */
  compare?: (a: T, b: T) => number;
}

export function useLiveList<T, K>(source: LiveListSource<T, K>): LiveList<T> {
  const { load, fromEvent, key, compare } = source;
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const put = useCallback(
    (item: T) =>
      setItems((xs) => {
        if (xs.some((x) => key(x) === key(item))) return xs.map((x) => (key(x) === key(item) ? item : x));
        const next = [...xs, item];
        return compare ? next.sort(compare) : next;
      }),
    [key, compare],
  );

  useEffect(() => {
    let live = true;
    const early: T[] = [];
    let loaded = false;
    const off = getLab().onEvent((e) => {
      const item = fromEvent(e);
      if (item === undefined) return;
      if (loaded) put(item);
      else early.push(item);
    });
    setLoading(true);
    load()
      .then((xs) => {
        if (!live) return;
        setItems(xs);
        loaded = true;
        early.splice(0).forEach(put);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
      off();
    };
  }, [generation, put, load, fromEvent]);

  return { items, loading, error, reload: () => setGeneration((g) => g + 1), put };
}
