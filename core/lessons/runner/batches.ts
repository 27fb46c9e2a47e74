/**
 * A lesson's runs in the store, by batch. A lesson's runs carry three tags: `lesson:N`,
 * `lesson-batch:<scale>.<id>` (one per click of Run lesson) and `lesson-run:<key>` (which planned run it is).
 */
import { RunQuerySchema, type LessonScale, type RunSummary } from '../../api';
import type { LabStore } from '../../store';
import type { PlannedItem } from '../types';

export const LESSON_TAG = (id: number) => `lesson:${id}`;
export const BATCH_TAG_PREFIX = 'lesson-batch:';
export const KEY_TAG_PREFIX = 'lesson-run:';

export interface StoredBatch {
  id: string;
  scale: LessonScale;
  runs: { key: string; run: RunSummary }[];
}

/** The tags one planned run of a batch carries. */
export const runTags = (lessonId: number, batchId: string, key: string): string[] => [
  LESSON_TAG(lessonId),
  `${BATCH_TAG_PREFIX}${batchId}`,
  `${KEY_TAG_PREFIX}${key}`,
];

export function plannedRunCount(items: PlannedItem[]): number {
  return items.reduce(
    (n, it) => n + (it.kind === 'run' ? 1 : Object.values(it.grid).reduce((m, v) => m * v.length, 1)),
    0,
  );
}

function scaleOfBatch(id: string): LessonScale {
  return id.startsWith('reduced.') ? 'reduced' : 'default';
}

function tagValue(tags: readonly string[], prefix: string): string | undefined {
  return tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
}

/** How a family of guided runs (lessons, replications) tags its batches: the family tag and two prefixes. */
export interface BatchTags<S> {
  tag: string;
  batchPrefix: string;
  keyPrefix: string;
  scaleOf(batchId: string): S;
}

/** The stored runs carrying `tags.tag`, grouped by batch, newest batch first. */
export function batchesByTag<S>(
  store: LabStore,
  tags: BatchTags<S>,
): { id: string; scale: S; runs: { key: string; run: RunSummary }[] }[] {
  const page = store.listRuns(
    RunQuerySchema.parse({ tag: [tags.tag], sort: 'createdAt', order: 'asc', limit: 10_000 }),
  );
  const byBatch = new Map<string, { id: string; scale: S; runs: { key: string; run: RunSummary }[] }>();
  for (const run of page.runs) {
    const batch = tagValue(run.tags, tags.batchPrefix);
    const key = tagValue(run.tags, tags.keyPrefix);
    if (!batch || !key) continue;
    let b = byBatch.get(batch);
    if (!b) byBatch.set(batch, (b = { id: batch, scale: tags.scaleOf(batch), runs: [] }));
    b.runs.push({ key, run });
  }
  // Batch ids are `<scale>.<time-ordered id>`: newest first when sorted on the part after the dot.
  const stamp = (id: string) => id.slice(id.indexOf('.') + 1);
  return [...byBatch.values()].sort((a, b) => (stamp(a.id) < stamp(b.id) ? 1 : -1));
}

/** The stored runs of one lesson, grouped by batch, newest batch first. */
export function storedBatches(store: LabStore, id: number): StoredBatch[] {
  return batchesByTag(store, {
    tag: LESSON_TAG(id),
    batchPrefix: BATCH_TAG_PREFIX,
    keyPrefix: KEY_TAG_PREFIX,
    scaleOf: scaleOfBatch,
  });
}

/** Time-ordered (base 36 milliseconds) with a random tail, like run ids. */
export function timeOrderedId(): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const rand = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return time + rand;
}

export function newBatchId(scale: LessonScale): string {
  return `${scale}.${timeOrderedId()}`;
}
