/** One lesson: the claim and its explanation, Run lesson with a progress bar, the verdict with its numbers, the figures. */
import type { Lesson, LessonScale } from '../../../core/api/lessons';
import { formatDuration } from '../../../core/shared/format';
import { getLab } from '../api/lab';
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';
import { MeasurementTable, ResultFigures, RunProgress, useStart } from './result-parts';
import { VerdictBadge } from './VerdictBadge';

export interface LessonDetailProps {
  lesson: Lesson;
  scale: LessonScale;
  onStarted: (lesson: Lesson) => void;
}

export function LessonDetail({ lesson, scale, onStarted }: LessonDetailProps) {
  const t = useT('lessons');
  const lang = useLang();
  const start = useStart(() => getLab().runLesson({ id: lesson.id, scale }), onStarted);
  const running = lesson.state === 'running';
  const r = lesson.result;
  const plan = lesson.plan[lang];
  const [fullPlan, quickPlan] = plan.split('\n');

  return (
    <article className="lesson-detail" aria-labelledby={`lesson-${lesson.id}-title`}>
      <header className="lesson-head">
        <h2 id={`lesson-${lesson.id}-title`}>
          {lesson.id}. {lesson.title[lang]}
        </h2>
        <VerdictBadge lesson={lesson} />
      </header>
      <p className="lesson-claim">{lesson.claim[lang]}</p>
      <div className="lesson-explanation">
        {lesson.explanation[lang].split(/\n\n+/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <p className="lesson-plan muted">{(scale === 'reduced' ? quickPlan : fullPlan) ?? plan}</p>

      <div className="lesson-actions">
        <button type="button" className="primary" onClick={start.run} disabled={running || start.starting}>
          {running ? t('running') : r ? t('runAgain') : t('run')}
        </button>
        {running && <RunProgress progress={lesson.progress} label={t('progressLabel', { id: lesson.id })} />}
      </div>
      {(start.error ?? lesson.error) && (
        <p className="field-issue" role="alert">
          {start.error ?? lesson.error}
        </p>
      )}

      {r && (
        <section className={`lesson-result verdict-border-${r.verdict}`} aria-label={t('result')}>
          <p className="lesson-headline">{r.headline[lang]}</p>
          <p className="muted lesson-meta">
            {r.scale === 'reduced' ? t('quickSize') : t('fullSize')} · {formatDuration(r.durationMs, lang)} ·{' '}
            {t('finished', { when: new Date(r.finishedAt).toLocaleString(lang) })}
            {running ? ` · ${t('newRun')}` : ''}
          </p>
          <MeasurementTable rows={r.measurements} />
          <ResultFigures figures={r.figures} version={r.finishedAt} />
        </section>
      )}
    </article>
  );
}
