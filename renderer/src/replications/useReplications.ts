/**
 * The replications as the lab reports them, kept current by `replication.updated` events. Subscribes before
 * loading, so no update is lost between the two.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Replication } from '../../../core/api/replications';
import { getLab } from '../api/lab';
import { errorMessage } from '../../../core/shared/errors';

export function useReplications() {
  const [replications, setReplications] = useState<Replication[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const put = useCallback((r: Replication) => {
    setReplications((rs) => (rs.some((x) => x.id === r.id) ? rs.map((x) => (x.id === r.id ? r : x)) : [...rs, r]));
  }, []);

  useEffect(() => {
    let live = true;
    const early: Replication[] = [];
    let loaded = false;
    const off = getLab().onEvent((e) => {
      if (e.type !== 'replication.updated') return;
      if (loaded) put(e.replication);
      else early.push(e.replication);
    });
    getLab()
      .listReplications({})
      .then(({ replications: rs }) => {
        if (!live) return;
        setReplications(rs);
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
  }, [put]);

  return { replications, loading, error, put };
}
