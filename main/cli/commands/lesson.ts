import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { FIGURE_FORMATS, LESSON_IDS, type LabEvent, type Lesson } from '../../../core/api';
import type { Lab } from '../../../core/lab/lab';
import type { Command, Io } from '../command';
import { openCliLab, withLab } from '../open-lab';
import { formatDuration } from '../../../core/shared/format';
import { UsageError } from '../usage-error';

type FigureFormat = (typeof FIGURE_FORMATS)[number];

const VERDICT_TEXT = { supported: 'SUPPORTED', not_supported: 'NOT SUPPORTED', inconclusive: 'INCONCLUSIVE' } as const;

function formatOf(path: string, flag: unknown): FigureFormat {
  const f = String(flag ?? extname(path).slice(1)).toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(f))
    throw new UsageError(
      `gradlab lesson: figure format must be one of ${FIGURE_FORMATS.join(', ')} (from --format or the file's extension), got '${f || path}'`,
    );
  return f as FigureFormat;
}

function lessonId(arg: string | undefined): number {
  const id = Number(arg);
  if (!(LESSON_IDS as readonly number[]).includes(id))
    throw new UsageError(
      `gradlab lesson: give a lesson number from 1 to ${LESSON_IDS.length}, e.g. gradlab lesson 3 (or gradlab lesson to list them)`,
    );
  return id;
}

function measurementValue(v: number | null): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

export function printLesson(io: Io, l: Lesson): void {
  io.out(`Lesson ${l.id}: ${l.title}`);
  io.out(`  claim: ${l.claim}`);
  const r = l.result;
  if (l.error) io.out(`  error: ${l.error}`);
  if (!r) {
    if (!l.error) io.out('  no result yet: run it with `gradlab lesson ' + l.id + '`');
    return;
  }
  io.out(
    `  verdict: ${VERDICT_TEXT[r.verdict]} (${r.scale} size, ${formatDuration(r.durationMs)}, finished ${r.finishedAt})`,
  );
  io.out(`  ${r.headline}`);
  const width = Math.max(...r.measurements.map((m) => m.label.length));
  for (const m of r.measurements)
    io.out(`    ${m.label.padEnd(width)}  ${measurementValue(m.value)}${m.unit ? `  (${m.unit})` : ''}`);
  io.out(`  runs: ${r.runIds.join(',')}`);
}

async function writeFigures(io: Io, lab: Lab, l: Lesson, values: Record<string, unknown>): Promise<void> {
  const figures = l.result?.figures ?? [];
  if (!figures.length) return;
  const jobs: { path: string; format: FigureFormat; figure: (typeof figures)[number] }[] = [];
  if (values.figure) {
    const path = resolve(io.cwd, String(values.figure));
    jobs.push({ path, format: formatOf(path, values.format), figure: figures[0]! });
  }
  if (values['figure-all']) {
    const dir = resolve(io.cwd, String(values['figure-all']));
    mkdirSync(dir, { recursive: true });
    const format = formatOf('', values.format ?? 'svg');
    figures.forEach((figure, i) => {
      const base = typeof figure.settings.fileName === 'string' ? figure.settings.fileName : `lesson-${l.id}-${i + 1}`;
      jobs.push({ path: join(dir, `${base}.${format}`), format, figure });
    });
  }
  for (const j of jobs) {
    const file = await lab.handlers.exportFigure({
      runIds: j.figure.runIds,
      chart: j.figure.chart,
      format: j.format,
      settings: { title: j.figure.title, ...j.figure.settings },
    });
    writeFileSync(j.path, Buffer.from(file.base64, 'base64'));
    io.out(`wrote ${j.path} (${j.figure.title})`);
  }
}

/** Runs the lesson and waits for its verdict, showing progress on stderr. */
async function runAndWait(io: Io, lab: Lab, id: number, reduced: boolean, json: boolean): Promise<Lesson> {
  const tty = process.stderr.isTTY;
  let lastPrint = 0;
  let resolveDone!: (l: Lesson) => void;
  const done = new Promise<Lesson>((r) => (resolveDone = r));
  let started = false;
  const off = lab.subscribe((e: LabEvent) => {
    if (e.type !== 'lesson.updated' || e.lesson.id !== id) return;
    const l = e.lesson;
    if (l.state === 'running' && l.progress) {
      started = true;
      const now = Date.now();
      if (json || now - lastPrint < (tty ? 200 : 5000)) return;
      lastPrint = now;
      const frac = l.progress.total ? l.progress.done / l.progress.total : 0;
      const line = `[${'#'.repeat(Math.round(frac * 28)).padEnd(28, '.')}] ${Math.round(frac * 100)}% (${l.progress.done}/${l.progress.total} training steps)`;
      if (tty) process.stderr.write(`\r${line}\x1b[K`);
      else io.err(line);
    } else if (started && l.state !== 'running') resolveDone(l);
  });
  const stop = () => void lab.close();
  process.once('SIGINT', stop);
  try {
    const first = await lab.handlers.runLesson({ id, scale: reduced ? 'reduced' : 'default' });
    started = true;
    if (!json) io.err(`lesson ${id}: ${first.plan.split('\n')[reduced ? 1 : 0]}`);
    const l = await done;
    if (tty && !json) process.stderr.write('\n');
    return l;
  } finally {
    process.off('SIGINT', stop);
    off();
  }
}

export const lessonCommand: Command = {
  name: 'lesson',
  summary: 'run one of the eight guided experiments and print its verdict (no number: list them)',
  usage: 'gradlab lesson [N] [--reduced] [--show] [--figure FILE] [--figure-all DIR] [--format F] [--db FILE] [--json]',
  options: {
    reduced: { type: 'boolean' },
    show: { type: 'boolean' },
    figure: { type: 'string' },
    'figure-all': { type: 'string' },
    format: { type: 'string' },
    concurrency: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    ['--reduced', 'the quick size (seconds instead of minutes; the same effects, smaller)'],
    ['--show', 'print the last result without running anything'],
    ['--figure FILE', `write the lesson's main figure (format from the extension: ${FIGURE_FORMATS.join(', ')})`],
    ['--figure-all DIR', 'write every figure of the lesson into DIR (format from --format, default svg)'],
    ['--format F', 'figure format, overriding the extension'],
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    ['--json', 'print the lesson (with its result) as one JSON object'],
  ],
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('gradlab lesson: give at most one lesson number');
    const json = Boolean(values.json);
    if (positionals.length === 0) {
      return withLab(openCliLab(io, values), async (lab) => {
        const { lessons } = await lab.handlers.listLessons({});
        if (json) io.out(JSON.stringify(lessons));
        else
          for (const l of lessons)
            io.out(
              `${String(l.id).padStart(2)}  ${l.title.padEnd(40)}  ${l.result ? VERDICT_TEXT[l.result.verdict] : l.state}`,
            );
        return 0;
      });
    }
    const id = lessonId(positionals[0]);
    if (values.figure) formatOf(String(values.figure), values.format);
    return withLab(openCliLab(io, values), async (lab) => {
      const lesson = values.show
        ? await lab.handlers.getLesson({ id })
        : await runAndWait(io, lab, id, Boolean(values.reduced), json);
      if (json) io.out(JSON.stringify(lesson));
      else printLesson(io, lesson);
      if (!values.show && lesson.state === 'failed') return 1;
      await writeFigures(io, lab, lesson, values);
      return 0;
    });
  },
};
