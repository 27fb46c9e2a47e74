/** The lesson runner: tags, progress events, one batch at a time, and results read back from the store. */
import { afterAll, describe, expect, it } from 'vitest';
import { LabError, RunQuerySchema, type Lesson } from '../../../core/api';
import { createLab } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import { openTestLab, tempDb } from '../lab/helpers';
import { runLessonToEnd } from './helpers';

describe('lesson runner', () => {
  const db = tempDb();
  const lab = openTestLab(db);
  afterAll(() => lab.close());

  it('lists the eight lessons, new, with their words and plans', async () => {
    const { lessons } = await lab.handlers.listLessons({});
    expect(lessons.map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const l of lessons) {
      expect(l.state).toBe('new');
      expect(l.result).toBeNull();
      expect(l.explanation.en.length).toBeGreaterThan(200);
      expect(l.plan.en).toMatch(/^Full size: .+\nQuick size: .+/);
      expect(l.plan['zh-CN']).toMatch(/^完整规模：.+\n快速规模：.+/);
    }
  });

  let first: Lesson;
  it('runs a lesson as tagged runs, reports progress in training steps, and refuses a second start meanwhile', async () => {
    const events: Lesson[] = [];
    const off = lab.subscribe((e) => e.type === 'lesson.updated' && e.lesson.id === 3 && events.push(e.lesson));
    const ended = runLessonToEnd(lab, 3);
    await new Promise((r) => setTimeout(r, 50));
    await expect(lab.handlers.runLesson({ id: 3, scale: 'reduced' })).rejects.toMatchObject({ code: 'conflict' });
    first = await ended;
    off();
    expect(first.state).toBe('done');
    const running = events.filter((l) => l.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running[0]!.progress).toEqual({ done: 0, total: 10 });
    const done = running.map((l) => l.progress!.done);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    const { runs } = await lab.handlers.listRuns(RunQuerySchema.parse({ tag: ['lesson:3'] }));
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(r.tags.some((t) => /^lesson-batch:reduced\.[0-9a-z]+$/.test(t))).toBe(true);
      expect(r.tags.filter((t) => t.startsWith('lesson-run:')).sort()).toHaveLength(1);
    }
    expect(first.result!.runIds.sort()).toEqual(runs.map((r) => r.id).sort());
    expect(first.result!.scale).toBe('reduced');
    expect(first.result!.durationMs).toBeGreaterThan(0);
  });

  it('shows the last result again after a restart, without training or starting an engine', async () => {
    await lab.close();
    const again = openTestLab(db);
    try {
      const l = await again.handlers.getLesson({ id: 3 });
      expect(l.state).toBe('done');
      expect(l.result).toEqual(first.result);
      expect(again.engines).toHaveLength(0);
      expect((await again.handlers.listRuns(RunQuerySchema.parse({ tag: ['lesson:3'] }))).total).toBe(2);
      const list = await again.handlers.listLessons({});
      expect(list.lessons.filter((x) => x.state === 'done').map((x) => x.id)).toEqual([3]);
    } finally {
      await again.close();
    }
  });

  it('without a database lists the lessons but cannot run them', async () => {
    const bare = createLab({ mode: 'test', version: '0', databasePath: null, launcher: forkLauncher() });
    try {
      const { lessons } = await bare.handlers.listLessons({});
      expect(lessons).toHaveLength(8);
      const err = await bare.handlers.runLesson({ id: 1, scale: 'reduced' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LabError);
      expect((err as LabError).code).toBe('unavailable');
    } finally {
      await bare.close();
    }
  });
});
