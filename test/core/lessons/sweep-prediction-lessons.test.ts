/**
 * Lessons 7 and 8 at reduced size through a real Lab: the horizon against the spectral radius peaks near 1,
 * and a diverged model's stored weights predict NaN where a trained one predicts the sums.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openTestLab } from '../lab/helpers';
import { expectFigures, expectSupported, runLessonToEnd } from './helpers';

describe('lessons with sweeps and predictions (reduced size)', () => {
  const lab = openTestLab();
  afterAll(() => lab.close());

  it('lesson 7 bears out its claim', async () => {
    const lesson = await runLessonToEnd(lab, 7);
    expectSupported(lesson);
    await expectFigures(lab, lesson);
  });

  it('lesson 8 bears out its claim, predicting once and reading the stored predictions afterwards', async () => {
    const lesson = await runLessonToEnd(lab, 8);
    expectSupported(lesson);
    await expectFigures(lab, lesson);
    const [trained, diverged] = lesson.result!.runIds;
    for (const runId of [trained!, diverged!]) {
      const { series } = await lab.handlers.getSeries({ runId, metrics: ['predicted', 'target'] });
      expect(series.map((s) => s.value.length)).toEqual([256, 256]);
    }
    const { series } = await lab.handlers.getSeries({ runId: diverged!, metrics: ['predicted'] });
    expect(series[0]!.value.every((v) => !Number.isFinite(v))).toBe(true);
    const engines = lab.engines.length;
    const again = await lab.handlers.getLesson({ id: 8 });
    expect(again.result?.headline).toEqual(lesson.result?.headline);
    expect(lab.engines.length).toBe(engines);
  });
});
