import { FIGURE_FORMATS, LESSON_IDS, type Lang, type LabEvent, type Lesson } from '../../../core/api';
import type { Lab } from '../../../core/lab/lab';
import type { Command, Io } from '../command';
import { formatOf, LANG_HELP, CONTENT_OPTIONS, langOf, valueText, writeResultFigures } from '../content-figures';
import { openCliLab, withLab } from '../open-lab';
import { formatDuration } from '../../../core/shared/format';
import { UsageError } from '../usage-error';

const VERDICT_TEXT: Record<Lang, Record<'supported' | 'not_supported' | 'inconclusive', string>> = {
  en: { supported: 'SUPPORTED', not_supported: 'NOT SUPPORTED', inconclusive: 'INCONCLUSIVE' },
  'zh-CN': { supported: '支持', not_supported: '不支持', inconclusive: '无定论' },
};

/** The words around the lesson's own text, in the chosen language. */
const WORDS = {
  en: {
    lesson: (id: number) => `Lesson ${id}`,
    claim: 'claim',
    error: 'error',
    noResult: (id: number) => `no result yet: run it with \`gradlab lesson ${id}\``,
    verdict: 'verdict',
    meta: (scale: string, took: string, at: string) => `${scale} size, ${took}, finished ${at}`,
    runs: 'runs',
  },
  'zh-CN': {
    lesson: (id: number) => `第 ${id} 课`,
    claim: '论断',
    error: '错误',
    noResult: (id: number) => `尚无结果：用 \`gradlab lesson ${id}\` 运行`,
    verdict: '结论',
    meta: (scale: string, took: string, at: string) =>
      `${scale === 'reduced' ? '快速' : '完整'}规模，用时 ${took}，完成于 ${at}`,
    runs: '运行',
  },
} as const;

function lessonId(arg: string | undefined): number {
  const id = Number(arg);
  if (!(LESSON_IDS as readonly number[]).includes(id))
    throw new UsageError(
      `gradlab lesson: give a lesson number from 1 to ${LESSON_IDS.length}, e.g. gradlab lesson 3 (or gradlab lesson to list them)`,
    );
  return id;
}

export function printLesson(io: Io, l: Lesson, lang: Lang = 'en'): void {
  const w = WORDS[lang];
  const sep = lang === 'zh-CN' ? '：' : ': ';
  io.out(`${w.lesson(l.id)}${sep}${l.title[lang]}`);
  io.out(`  ${w.claim}${sep}${l.claim[lang]}`);
  const r = l.result;
  if (l.error) io.out(`  ${w.error}${sep}${l.error}`);
  if (!r) {
    if (!l.error) io.out(`  ${w.noResult(l.id)}`);
    return;
  }
  io.out(
    `  ${w.verdict}${sep}${VERDICT_TEXT[lang][r.verdict]} (${w.meta(r.scale, formatDuration(r.durationMs), r.finishedAt)})`,
  );
  io.out(`  ${r.headline[lang]}`);
  const width = Math.max(...r.measurements.map((m) => m.label[lang].length));
  for (const m of r.measurements)
    io.out(`    ${m.label[lang].padEnd(width)}  ${valueText(m.value, 3)}${m.unit ? `  (${m.unit[lang]})` : ''}`);
  io.out(`  ${w.runs}${sep}${r.runIds.join(',')}`);
}

/** Runs the lesson and waits for its verdict, showing progress on stderr. */
async function runAndWait(io: Io, lab: Lab, id: number, reduced: boolean, json: boolean, lang: Lang): Promise<Lesson> {
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
    if (!json) io.err(`lesson ${id}: ${first.plan[lang].split('\n')[reduced ? 1 : 0]}`);
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
  usage:
    'gradlab lesson [N] [--reduced] [--show] [--lang en|zh-CN] [--figure FILE] [--figure-all DIR] [--format F] [--db FILE] [--json]',
  options: {
    reduced: { type: 'boolean' },
    ...CONTENT_OPTIONS,
  },
  optionHelp: [
    ['--reduced', 'the quick size (seconds instead of minutes; the same effects, smaller)'],
    LANG_HELP,
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
    const lang = langOf('lesson', values.lang);
    if (positionals.length === 0) {
      return withLab(openCliLab(io, values), async (lab) => {
        const { lessons } = await lab.handlers.listLessons({});
        if (json) io.out(JSON.stringify(lessons));
        else
          for (const l of lessons)
            io.out(
              `${String(l.id).padStart(2)}  ${l.title[lang].padEnd(40)}  ${l.result ? VERDICT_TEXT[lang][l.result.verdict] : l.state}`,
            );
        return 0;
      });
    }
    const id = lessonId(positionals[0]);
    if (values.figure) formatOf('lesson', String(values.figure), values.format);
    return withLab(openCliLab(io, values), async (lab) => {
      const lesson = values.show
        ? await lab.handlers.getLesson({ id })
        : await runAndWait(io, lab, id, Boolean(values.reduced), json, lang);
      if (json) io.out(JSON.stringify(lesson));
      else printLesson(io, lesson, lang);
      if (!values.show && lesson.state === 'failed') return 1;
      await writeResultFigures(io, lab, lesson.result?.figures ?? [], {
        command: 'lesson',
        values,
        fallbackName: (i) => `lesson-${lesson.id}-${i + 1}`,
        lang,
        report: true,
      });
      return 0;
    });
  },
};
