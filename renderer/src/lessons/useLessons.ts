/** The eight lessons as the lab reports them, kept current by `lesson.updated` events. */
import type { Lesson } from '../../../core/api/lessons';
import type { LabEvent } from '../../../core/api';
import { getLab } from '../api/lab';
import { useLiveList, type LiveListSource } from './use-live-list';

const SOURCE: LiveListSource<Lesson, number> = {
  load: async () => (await getLab().listLessons({})).lessons,
  fromEvent: (e: LabEvent) => (e.type === 'lesson.updated' ? e.lesson : undefined),
  key: (l) => l.id,
  compare: (a, b) => a.id - b.id,
};

export function useLessons() {
  const { items, ...rest } = useLiveList(SOURCE);
  return { lessons: items, ...rest };
}
