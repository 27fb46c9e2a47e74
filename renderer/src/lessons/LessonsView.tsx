/**
 * Lessons: each claim of the vanishing/exploding-gradient story as a one-click experiment. A list of the
 * eight on the left (with their verdicts), the chosen lesson on the right. Results come from stored runs,
 * so a lesson opened again shows its last verdict without training.
 */
import { useState } from 'react';
import type { LessonScale } from '../../../core/api/lessons';
import { LessonDetail } from './LessonDetail';
import { useLessons } from './useLessons';
import { VerdictBadge } from './VerdictBadge';
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';
import './lessons.css';

export function LessonsView() {
  const { lessons, loading, error, put } = useLessons();
  const [selected, setSelected] = useState(1);
  const [scale, setScale] = useState<LessonScale>('default');
  const lesson = lessons.find((l) => l.id === selected) ?? lessons[0];
  const t = useT('lessons');
  const lang = useLang();

  if (error) return <p className="field-issue">{t('loadError', { error })}</p>;
  if (loading && lessons.length === 0) return <p className="muted">{t('loading')}</p>;

  return (
    <div className="lessons">
      <nav className="lesson-list" aria-label={t('listLabel')}>
        <ol>
          {lessons.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                aria-current={l.id === lesson?.id ? 'true' : undefined}
                onClick={() => setSelected(l.id)}
              >
                <span className="lesson-list-title">
                  {l.id}. {l.title[lang]}
                </span>
                <VerdictBadge lesson={l} compact />
              </button>
            </li>
          ))}
        </ol>
        <fieldset className="lesson-scale">
          <legend>{t('size')}</legend>
          <label>
            <input
              type="radio"
              name="lesson-scale"
              value="default"
              checked={scale === 'default'}
              onChange={() => setScale('default')}
            />{' '}
            {t('sizeFull')}
          </label>
          <label>
            <input
              type="radio"
              name="lesson-scale"
              value="reduced"
              checked={scale === 'reduced'}
              onChange={() => setScale('reduced')}
            />{' '}
            {t('sizeQuick')}
          </label>
        </fieldset>
      </nav>
      {lesson && <LessonDetail lesson={lesson} scale={scale} onStarted={put} />}
    </div>
  );
}
