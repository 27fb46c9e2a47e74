/**
 * Lessons 4 and 6 at reduced size through a real Lab: gated cells and the IRNN learn the adding problem where
 * a tanh RNN does not, and keep their gradient horizon; ReLU RNNs can explode.
 */
import { afterAll, describe, it } from 'vitest';
import { openTestLab } from '../lab/helpers';
import { expectFigures, expectSupported, runLessonToEnd } from './helpers';

describe('lessons that train (reduced size)', () => {
  const lab = openTestLab();
  afterAll(() => lab.close());

  for (const id of [4, 6]) {
    it(`lesson ${id} bears out its claim`, async () => {
      const lesson = await runLessonToEnd(lab, id);
      expectSupported(lesson);
      await expectFigures(lab, lesson);
    });
  }
});
