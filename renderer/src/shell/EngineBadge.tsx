import { useEffect, useState } from 'react';
import type { EngineInfo } from '../../../core/api';
import { getLab } from '../api/lab';
import { errorMessage } from '../../../core/shared/errors';

/** Shows which backend trains the runs (e.g. "wasm · cpu (SIMD)"), from engineInfo(). */
export function EngineBadge() {
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getLab()
      .engineInfo({})
      .then((i) => live && setInfo(i))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <span role="status" aria-label="Engine" className="badge badge-error">
        Engine unavailable: {error}
      </span>
    );
  if (!info)
    return (
      <span role="status" aria-label="Engine" className="badge">
        Engine: starting…
      </span>
    );
  const skipped = info.skipped.map((s) => `${s.backend}: ${s.reason}`).join('\n');
  return (
    <span role="status" aria-label="Engine" className="badge" title={skipped || undefined} data-backend={info.backend}>
      Engine: {info.backend} · {info.device}
    </span>
  );
}
