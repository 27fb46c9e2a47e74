/** One lesson: the claim and its explanation, Run lesson with a progress bar, the verdict with its numbers, the figures. */
import { useState } from 'react';
import type { Lesson, LessonScale } from '../../../core/api/lessons';
import { formatDuration } from '../../../core/shared/format';
import { getLab } from '../api/lab';
import { LessonFigure } from './LessonFigure';
import { VerdictBadge } from './VerdictBadge';
import { errorMessage } from '../../../core/shared/errors';

function formatValue(v: number | null): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m}×10^${Number(e)}`;
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

export interface LessonDetailProps {
  lesson: Lesson;
  scale: LessonScale;
  onStarted: (lesson: Lesson) => void;
}

export function LessonDetail({ lesson, scale, onStarted }: LessonDetailProps) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = lesson.state === 'running';
  const r = lesson.result;
  const pct =
    running && lesson.progress && lesson.progress.total > 0
      ? Math.min(100, (100 * lesson.progress.done) / lesson.progress.total)
      : null;
  const [fullPlan, quickPlan] = lesson.plan.split('\n');

  const run = async () => {
    setStarting(true);
    setError(null);
    try {
      onStarted(await getLab().runLesson({ id: lesson.id, scale }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <article className="lesson-detail" aria-labelledby={`lesson-${lesson.id}-title`}>
      <header className="lesson-head">
        <h2 id={`lesson-${lesson.id}-title`}>
          {lesson.id}. {lesson.title}
        </h2>
        <VerdictBadge lesson={lesson} />
      </header>
      <p className="lesson-claim">{lesson.claim}</p>
      <div className="lesson-explanation">
        {lesson.explanation.split(/\n\n+/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <p className="lesson-plan muted">{(scale === 'reduced' ? quickPlan : fullPlan) ?? lesson.plan}</p>

      <div className="lesson-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={running || starting}>
          {running ? 'Running…' : r ? 'Run lesson again' : 'Run lesson'}
        </button>
        {running && (
          <div className="lesson-progress">
            <div
              className="lesson-progress-bar"
              role="progressbar"
              aria-label={`Lesson ${lesson.id} progress`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct === null ? undefined : Math.round(pct)}
            >
              <span style={{ width: `${pct ?? 0}%` }} />
            </div>
            <span className="muted">
              {pct === null
                ? 'starting…'
                : `${Math.round(pct)}% · ${lesson.progress?.done ?? 0} of ${lesson.progress?.total ?? 0} training steps`}
            </span>
          </div>
        )}
      </div>
      {(error ?? lesson.error) && (
        <p className="field-issue" role="alert">
          {error ?? lesson.error}
        </p>
      )}

      {r && (
        <section className={`lesson-result verdict-border-${r.verdict}`} aria-label="Result">
          <p className="lesson-headline">{r.headline}</p>
          <p className="muted lesson-meta">
            {r.scale === 'reduced' ? 'Quick size' : 'Full size'} · {formatDuration(r.durationMs)} · finished{' '}
            {new Date(r.finishedAt).toLocaleString()}
            {running ? ' · a new run is in progress' : ''}
          </p>
          <table className="lesson-measurements">
            <tbody>
              {r.measurements.map((m, i) => (
                <tr key={i}>
                  <th scope="row">{m.label}</th>
                  <td>{formatValue(m.value)}</td>
                  <td className="muted">{m.unit ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="lesson-figures">
            {r.figures.map((f, i) => (
              <LessonFigure key={`${i}:${f.chart}`} figure={f} version={r.finishedAt} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}
