/** A lesson's verdict or state as a badge: colour to scan, and always the word and a glyph. */
import type { Lesson } from '../../../core/api/lessons';
import { useT } from '../i18n';

type Verdict = NonNullable<Lesson['result']>['verdict'];

const VERDICT_GLYPH: Record<Verdict, string> = { supported: '✓', not_supported: '✕', inconclusive: '?' };
const STATE_GLYPH: Record<Lesson['state'], string> = { new: '○', running: '▶', done: '✓', failed: '!' };

const VERDICT_KEY = {
  supported: 'verdict_supported',
  not_supported: 'verdict_not_supported',
  inconclusive: 'verdict_inconclusive',
} as const satisfies Record<Verdict, string>;
const STATE_KEY = {
  new: 'state_new',
  running: 'state_running',
  done: 'state_done',
  failed: 'state_failed',
} as const satisfies Record<Lesson['state'], string>;

export function VerdictBadge({ lesson, compact = false }: { lesson: Lesson; compact?: boolean }) {
  const t = useT('lessons');
  // While a lesson runs again, its last verdict still stands; the running state is shown beside it.
  if (lesson.result && !(compact && lesson.state === 'running')) {
    const v = lesson.result.verdict;
    return (
      <span className={`verdict-badge verdict-${v}`} data-verdict={v}>
        <span aria-hidden="true">{VERDICT_GLYPH[v]}</span> {t(VERDICT_KEY[v])}
      </span>
    );
  }
  return (
    <span className={`verdict-badge lesson-state-${lesson.state}`} data-state={lesson.state}>
      <span aria-hidden="true">{STATE_GLYPH[lesson.state]}</span> {t(STATE_KEY[lesson.state])}
    </span>
  );
}
