/** The Lessons half of LabApi. Placeholder until core/lessons lands (the lessons work replaces this file). */
import { LabError, type LabHandlers } from '../api';

export function lessonHandlers(): Pick<LabHandlers, 'listLessons' | 'getLesson' | 'runLesson'> {
  const unavailable = async (): Promise<never> => {
    throw new LabError('unavailable', 'Lessons are not available in this build yet');
  };
  return { listLessons: unavailable, getLesson: unavailable, runLesson: unavailable };
}
