/**
 * What a lesson shows: its text, and a state derived from stored runs — running (with progress), failed (the
 * newest ended batch did not finish or could not be judged), done (the newest sound batch's verdict) or new.
 */
import type { Lesson, LessonResult } from '../../api';
import { errorMessage } from '../../api/errors';
import type { LabStore } from '../../store';
import type { LessonDefinition } from '../types';
import { plannedRunCount, storedBatches } from './batches';
import { L, lines, perLang } from '../text';
import { progressOf, type ActiveBatch } from './progress';
import type { Judge } from './verdicts';

const SIZE_WORD = { default: L('Full size: ', '完整规模：'), reduced: L('Quick size: ', '快速规模：') };

const ENDED_BAD = new Set(['failed', 'stopped', 'interrupted']);

export async function lessonView(
  def: LessonDefinition,
  store: LabStore | null,
  act: ActiveBatch | undefined,
  startError: string | null,
  judge: Judge,
): Promise<Lesson> {
  const id = def.id;
  const base = {
    id,
    title: def.title,
    claim: def.claim,
    explanation: def.explanation,
    plan: lines(
      perLang((lang) => `${SIZE_WORD.default[lang]}${def.plan('default')[lang]}`),
      perLang((lang) => `${SIZE_WORD.reduced[lang]}${def.plan('reduced')[lang]}`),
    ),
  };
  const progress = progressOf(act);
  if (!store) return { ...base, state: 'new', progress: null, error: null, result: null };
  const batches = storedBatches(store, id).filter((b) => b.id !== act?.id);
  let error: string | null = act ? null : startError;
  let result: LessonResult | null = null;
  // The newest batch that has ended decides whether the lesson failed; the newest sound one gives the result.
  let newest = true;
  const report = (problem: string) => {
    if (newest && !act && error === null) error = problem;
    newest = false;
  };
  for (const batch of batches) {
    if (batch.runs.some((r) => r.run.status === 'queued' || r.run.status === 'running')) continue;
    const bad = batch.runs.filter((r) => ENDED_BAD.has(r.run.status));
    if (bad.length) {
      report(
        `The last run of this lesson did not finish: ${bad.map((b) => `${b.run.name} ${b.run.status}${b.run.error ? ` (${b.run.error})` : ''}`).join('; ')}`,
      );
      continue;
    }
    if (batch.runs.length !== plannedRunCount(def.items(batch.scale))) {
      report('Runs of the last batch of this lesson are missing (deleted?)');
      continue;
    }
    try {
      result = await judge(def, store, batch);
    } catch (e) {
      report(`Could not judge the last run of this lesson: ${errorMessage(e)}`);
      continue;
    }
    break;
  }
  const state = act ? 'running' : error !== null ? 'failed' : result ? 'done' : 'new';
  return { ...base, state, progress, error, result };
}
