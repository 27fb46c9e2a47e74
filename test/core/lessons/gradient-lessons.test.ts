/**
 * Lessons 1, 2, 3 and 5 at reduced size through a real Lab: the gradient-flow claims (vanishing, exploding,
 * sigmoid against tanh, clipping) must come out `supported`, so an engine regression shows as a failed lesson.
 */
import { afterAll, describe, it } from 'vitest';
import { openTestLab } from '../lab/helpers';
import { expectFigures, expectSupported, runLessonToEnd } from './helpers';

describe('lessons on gradient flow (reduced size)', () => {
  const lab = openTestLab();
  afterAll(() => lab.close());

  for (const id of [1, 2, 3, 5]) {
    it(`lesson ${id} bears out its claim`, async () => {
      const lesson = await runLessonToEnd(lab, id);
      expectSupported(lesson);
      await expectFigures(lab, lesson);
    });
  }
});
