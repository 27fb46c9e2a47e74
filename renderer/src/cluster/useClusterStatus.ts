/**
 * The cluster's status (clusterStatus), read again every `everyMs` while `active`: the Cluster panel follows
 * workers arriving, going busy and leaving without a push channel for them (adverts live in Redis, not in
 * the lab's events). One request at a time; a failed read is shown and the next one tries again.
 */
import { useEffect, useState } from 'react';
import type { ClusterStatus } from '../../../core/api';
import { getLab } from '../api/lab';
import { errorMessage } from '../../../core/shared/errors';

export interface ClusterStatusState {
  status: ClusterStatus | null;
  error: string | null;
  /** When the status shown was read (ms since the epoch). */
  at: number | null;
}

export function useClusterStatus(active: boolean, everyMs = 1000): ClusterStatusState {
  const [state, setState] = useState<ClusterStatusState>({ status: null, error: null, at: null });
  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      getLab()
        .clusterStatus({})
        .then(
          (status) => live && setState({ status, error: null, at: Date.now() }),
          (e: unknown) => live && setState((s) => ({ ...s, error: errorMessage(e) })),
        )
        .finally(() => {
          if (live) timer = setTimeout(read, everyMs);
        });
    };
    read();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [active, everyMs]);
  return state;
}
