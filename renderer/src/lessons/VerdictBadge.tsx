/** A lesson's verdict or state as a badge: colour to scan, and always the word and a glyph. */
import type { Lesson } from '../../../core/api/lessons';
import { useT } from '../i18n';

type Verdict = NonNullable<Lesson['result']>['verdict'];

const VERDICT_GLYPH: Record<Verdict, string> = { supported: '✓', not_supported: '✕', inconclusive: '?' };
const STATE_GLYPH: Record<Lesson['state'], string> = { new: '○', running: '▶', done: '✓', failed: '!' };

export function VerdictBadge({ lesson, compact = false }: { lesson: Lesson; compact?: boolean }) {
  const t = useT('lessons');
  // While a lesson runs again, its last verdict still stands; the running state is shown beside it.
  if (lesson.result && !(compact && lesson.state === 'running')) {
    const v = lesson.result.verdict;
    return (
      <span className={`verdict-badge verdict-${v}`} data-verdict={v}>
        <span aria-hidden="true">{VERDICT_GLYPH[v]}</span> {t(`verdict_${v}`)}
      </span>
    );
  }
  return (
    <span className={`verdict-badge lesson-state-${lesson.state}`} data-state={lesson.state}>
      <span aria-hidden="true">{STATE_GLYPH[lesson.state]}</span> {t(`state_${lesson.state}`)}
    </span>
  );
}
