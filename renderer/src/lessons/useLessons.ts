/**
 * The eight lessons as the lab reports them, kept current by `lesson.updated` events (progress while a lesson
 * runs, then its verdict). Subscribes before loading, so no update is lost between the two.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Lesson } from '../../../core/api/lessons';
import { getLab } from '../api/lab';
import { errorMessage } from '../../../core/shared/errors';

export interface LessonsState {
  lessons: Lesson[];
  loading: boolean;
  error: string | null;
  reload: () => void;
  /** Replaces one lesson (the answer of runLesson arrives before its first event may). */
  put: (lesson: Lesson) => void;
}

export function useLessons(): LessonsState {
  const [lessons, setLessons] = useState<Lesson[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const put = useCallback((lesson: Lesson) => {
    setLessons((ls) =>
      ls.some((l) => l.id === lesson.id)
        ? ls.map((l) => (l.id === lesson.id ? lesson : l))
        : [...ls, lesson].sort((a, b) => a.id - b.id),
    );
  }, []);

  useEffect(() => {
    let live = true;
    const early: Lesson[] = [];
    let loaded = false;
    const off = getLab().onEvent((e) => {
      if (e.type !== 'lesson.updated') return;
      if (loaded) put(e.lesson);
      else early.push(e.lesson);
    });
    setLoading(true);
    getLab()
      .listLessons({})
      .then(({ lessons: ls }) => {
        if (!live) return;
        setLessons(ls);
        loaded = true;
        early.splice(0).forEach(put);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
      off();
    };
  }, [generation, put]);

  return { lessons, loading, error, reload: () => setGeneration((g) => g + 1), put };
}
