/** Every lesson, in the order of the story. Adding one is adding a file and a line here. */
import { lesson1 } from './lesson-1-vanishing';
import { lesson2 } from './lesson-2-exploding';
import { lesson3 } from './lesson-3-sigmoid';
import { lesson4 } from './lesson-4-gated';
import { lesson5 } from './lesson-5-clipping';
import { lesson6 } from './lesson-6-relu';
import { lesson7 } from './lesson-7-init';
import { lesson8 } from './lesson-8-prediction';
import type { LessonDefinition } from './types';

export const LESSONS: readonly LessonDefinition[] = [
  lesson1,
  lesson2,
  lesson3,
  lesson4,
  lesson5,
  lesson6,
  lesson7,
  lesson8,
];

const BY_ID = new Map(LESSONS.map((l) => [l.id, l]));

export function lessonDefinition(id: number): LessonDefinition | undefined {
  return BY_ID.get(id);
}
