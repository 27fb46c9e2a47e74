import { useEffect, useState } from 'react';
import type { EngineInfo } from '../../../core/api';
import { getLab } from '../api/lab';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

/** Shows which backend trains the runs (e.g. "wasm · cpu (SIMD)"), from engineInfo(). */
export function EngineBadge() {
  const t = useT('shell');
  const errorText = useErrorText();
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    getLab()
      .engineInfo({})
      .then((i) => live && setInfo(i))
      .catch((e: unknown) => live && setError(e ?? new Error('engineInfo failed')));
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <span role="status" aria-label={t('engine.name')} className="badge badge-error">
        {t('engine.unavailable', { error: errorText(error) })}
      </span>
    );
  if (!info)
    return (
      <span role="status" aria-label={t('engine.name')} className="badge">
        {t('engine.starting')}
      </span>
    );
  const skipped = info.skipped.map((s) => `${s.backend}: ${s.reason}`).join('\n');
  return (
    <span
      role="status"
      aria-label={t('engine.name')}
      className="badge"
      title={skipped || undefined}
      data-backend={info.backend}
    >
      {t('engine.running', { backend: info.backend, device: info.device })}
    </span>
  );
}
