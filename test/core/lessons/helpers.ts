/** Running a lesson to its verdict through a real Lab (real engine processes, a temporary database). */
import { expect } from 'vitest';
import type { Lesson, LessonScale } from '../../../core/api';
import type { TestLab } from '../lab/helpers';

/** Starts the lesson and resolves with the first lesson.updated that is no longer running. */
export async function runLessonToEnd(
  lab: TestLab,
  id: number,
  scale: LessonScale = 'reduced',
  timeoutMs = 240_000,
): Promise<Lesson> {
  let off: () => void = () => undefined;
  const ended = new Promise<Lesson>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`lesson ${id} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    off = lab.subscribe((e) => {
      if (e.type === 'lesson.updated' && e.lesson.id === id && e.lesson.state !== 'running') {
        clearTimeout(timer);
        resolve(e.lesson);
      }
    });
  });
  try {
    const started = await lab.handlers.runLesson({ id, scale });
    expect(started.state).toBe('running');
    return await ended;
  } finally {
    off();
  }
}

/** The verdict must be `supported`; on failure the message carries the headline and the numbers. */
export function expectSupported(lesson: Lesson): void {
  const r = lesson.result;
  const detail = r
    ? `${r.headline.en}\n${r.measurements.map((m) => `  ${m.label.en}: ${m.value}${m.unit ? ` (${m.unit.en})` : ''}`).join('\n')}`
    : `no result: ${lesson.error}`;
  console.log(
    `lesson ${lesson.id} (${r?.scale}, ${r ? Math.round(r.durationMs / 1000) : '?'} s): ${r?.verdict}\n${detail}`,
  );
  expect(lesson.state, detail).toBe('done');
  expect(r?.verdict, detail).toBe('supported');
}

/** Every figure of the result exports as SVG. */
export async function expectFigures(lab: TestLab, lesson: Lesson): Promise<void> {
  for (const f of lesson.result?.figures ?? []) {
    const file = await lab.handlers.exportFigure({
      runIds: f.runIds,
      chart: f.chart,
      format: 'svg',
      settings: f.settings,
    });
    const svg = Buffer.from(file.bytes).toString('utf8');
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    expect(svg).not.toContain('>no data<');
  }
}
