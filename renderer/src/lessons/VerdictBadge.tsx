/** A lesson's verdict or state as a badge: colour to scan, and always the word and a glyph. */
import type { Lesson } from '../../../core/api/lessons';

type Verdict = NonNullable<Lesson['result']>['verdict'];

const VERDICT: Record<Verdict, { glyph: string; text: string }> = {
  supported: { glyph: '✓', text: 'Supported' },
  not_supported: { glyph: '✕', text: 'Not supported' },
  inconclusive: { glyph: '?', text: 'Inconclusive' },
};

const STATE: Record<Lesson['state'], { glyph: string; text: string }> = {
  new: { glyph: '○', text: 'Not run yet' },
  running: { glyph: '▶', text: 'Running' },
  done: { glyph: '✓', text: 'Done' },
  failed: { glyph: '!', text: 'Failed' },
};

export function VerdictBadge({ lesson, compact = false }: { lesson: Lesson; compact?: boolean }) {
  // While a lesson runs again, its last verdict still stands; the running state is shown beside it.
  if (lesson.result && !(compact && lesson.state === 'running')) {
    const v = VERDICT[lesson.result.verdict];
    return (
      <span className={`verdict-badge verdict-${lesson.result.verdict}`} data-verdict={lesson.result.verdict}>
        <span aria-hidden="true">{v.glyph}</span> {v.text}
      </span>
    );
  }
  const s = STATE[lesson.state];
  return (
    <span className={`verdict-badge lesson-state-${lesson.state}`} data-state={lesson.state}>
      <span aria-hidden="true">{s.glyph}</span> {s.text}
    </span>
  );
}
