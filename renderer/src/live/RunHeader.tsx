/** Name, status, progress (steps/s, ETA) and `Stop run` of the followed run, plus why it ended if it did badly. */
import { useState } from 'react';
import { getLab } from '../api/lab';
import type { RunBuffer } from './run-buffer';
import { formatRate } from './format-rate';
import { formatDuration } from '../../../core/shared/format';
import { useLang } from '../i18n/useLang';
import { errorMessage } from '../../../core/shared/errors';
import { useT } from '../i18n';

const ACTIVE = new Set(['queued', 'running']);
/** What resumeRun accepts: from the last checkpoint, or from scratch if the run never trained. */
const RESUMABLE = new Set(['interrupted', 'stopped', 'failed']);

export function RunHeader({ buffer }: { buffer: RunBuffer }) {
  const t = useT('live');
  const lang = useLang();
  const [stopping, setStopping] = useState<string | null>(null);
  const [stopError, setStopError] = useState<string | null>(null);
  const [resuming, setResuming] = useState(false);
  const run = buffer.run;
  const status = run?.status ?? 'queued';
  const active = ACTIVE.has(status);
  const total = buffer.stepsTotal || run?.stepsTotal || 0;
  const done = Math.min(buffer.lastStep, total || buffer.lastStep);
  const rate = active ? buffer.stepsPerSecond() : null;
  const eta = active ? buffer.etaSeconds() : null;
  const pct = total ? (100 * done) / total : 0;

  const resumable = RESUMABLE.has(status);
  const resume = async () => {
    setResuming(true);
    setStopError(null);
    try {
      const r = await getLab().resumeRun({ runId: buffer.runId });
      buffer.truncateAfter(r.stepsDone);
      buffer.setRun(r);
      setStopping(null);
    } catch (e) {
      setStopError(errorMessage(e));
    } finally {
      setResuming(false);
    }
  };

  const stop = async () => {
    setStopping(buffer.runId);
    setStopError(null);
    try {
      const r = await getLab().stopRun({ runId: buffer.runId });
      // The run.finished event can overtake this answer (it says "running" while the engine winds down):
      // only a final status is news here, the event brings it otherwise.
      if (!ACTIVE.has(r.status)) buffer.setRun(r);
    } catch (e) {
      setStopError(errorMessage(e));
      setStopping(null);
    }
  };

  return (
    <header className="run-header">
      <div className="run-title">
        <h2>{run?.name ?? buffer.runId}</h2>
        <span className={`status status-${status}`}>{status}</span>
        <span className="muted run-meta">
          {buffer.runId}
          {run?.backend ? ` · ${run.backend}${run.device ? ` · ${run.device}` : ''}` : ''}
        </span>
      </div>
      <div className="run-progress">
        <div
          className="progress"
          role="progressbar"
          aria-label={t('progress.label')}
          aria-valuemin={0}
          aria-valuemax={total || 1}
          aria-valuenow={done}
          aria-valuetext={t('progress.value', { done, total })}
        >
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="progress-text" aria-live="off">
          {t('progress.steps', { done: done.toLocaleString('en-US'), total: total.toLocaleString('en-US') })}
          {rate !== null && ` · ${t('progress.rate', { rate: formatRate(rate) })}`}
          {eta !== null && ` · ${t('progress.eta', { eta: formatDuration(eta * 1000, lang) })}`}
          {!active &&
            run?.final.wallMs !== undefined &&
            ` · ${t('progress.took', { wall: formatDuration(run.final.wallMs, lang) })}`}
        </span>
        <button type="button" className="danger" disabled={!active || stopping === buffer.runId} onClick={stop}>
          {stopping === buffer.runId && active ? t('stopping') : t('stop')}
        </button>
        {resumable && (
          <button type="button" disabled={resuming} onClick={resume}>
            {resuming ? t('resuming') : t('resume')}
          </button>
        )}
      </div>
      {stopError && (
        <p role="alert" className="banner banner-error">
          {t(resumable ? 'resumeError' : 'stopError', { message: stopError })}
        </p>
      )}
      {buffer.divergence && (
        <p role="alert" className="banner banner-error">
          {t('diverged.before', { step: buffer.divergence.step })}
          <code>{buffer.divergence.tensor}</code>
          {t('diverged.after')}
        </p>
      )}
      {status === 'failed' && buffer.failure && (
        <p role="alert" className="banner banner-error">
          {t('failed', { message: buffer.failure })}
        </p>
      )}
      {status === 'interrupted' && (
        <p className="banner">{done > 0 ? t('interrupted', { step: done }) : t('interruptedBeforeStart')}</p>
      )}
    </header>
  );
}
