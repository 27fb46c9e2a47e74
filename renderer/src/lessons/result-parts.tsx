/**
 * What a lesson and a replication show alike: the start button's state, the progress bar, the measurement
 * table and the figures. One implementation, configured by the page (its catalog strings, its rows).
 */
import { useState } from 'react';
import type { LessonFigure as Figure, LessonMeasurement } from '../../../core/api/lessons';
import { errorMessage } from '../../../core/shared/errors';
import { useLang } from '../i18n/useLang';
import { useT } from '../i18n';
import { LessonFigure } from './LessonFigure';

export function formatValue(v: number | null, digits = 3): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m}×10^${Number(e)}`;
  }
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(digits)));
}

/** Starting a run from the page: whether it is starting, and the error it gave. */
export function useStart<T>(start: () => Promise<T>, onStarted: (value: T) => void) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setStarting(true);
    setError(null);
    try {
      onStarted(await start());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };
  return { starting, error, run: () => void run() };
}

export function RunProgress({ progress, label }: { progress: { done: number; total: number } | null; label: string }) {
  const t = useT('lessons');
  const pct = progress && progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : null;
  return (
    <div className="lesson-progress">
      <div
        className="lesson-progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct === null ? undefined : Math.round(pct)}
      >
        <span style={{ width: `${pct ?? 0}%` }} />
      </div>
      <span className="muted">
        {pct === null
          ? t('starting')
          : t('progress', { pct: Math.round(pct), done: progress?.done ?? 0, total: progress?.total ?? 0 })}
      </span>
    </div>
  );
}

export function MeasurementTable({ rows, digits }: { rows: LessonMeasurement[]; digits?: number }) {
  const lang = useLang();
  return (
    <table className="lesson-measurements">
      <tbody>
        {rows.map((m, i) => (
          <tr key={i}>
            <th scope="row">{m.label[lang]}</th>
            <td>{formatValue(m.value, digits)}</td>
            <td className="muted">{m.unit?.[lang] ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResultFigures({ figures, version }: { figures: Figure[]; version: string }) {
  return (
    <div className="lesson-figures">
      {figures.map((f, i) => (
        <LessonFigure key={`${i}:${f.chart}`} figure={f} version={version} />
      ))}
    </div>
  );
}
