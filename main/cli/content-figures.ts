/**
 * What `gradlab lesson` and `gradlab replicate` share: the --lang flag, the figure format, and writing a
 * result's figures (--figure FILE: the first; --figure-all DIR: every one) in the chosen language.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { FIGURE_FORMATS, LANGS, isLang, DEFAULT_LANG, type Lang, type LessonFigure } from '../../core/api';
import type { Lab } from '../../core/lab/lab';
import type { Io } from './command';
import { UsageError } from './usage-error';

export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** The options `gradlab lesson` and `gradlab replicate` both take (each adds its own scale flags). */
export const CONTENT_OPTIONS = {
  show: { type: 'boolean' },
  figure: { type: 'string' },
  'figure-all': { type: 'string' },
  format: { type: 'string' },
  concurrency: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

export const LANG_HELP: [string, string] = [
  '--lang L',
  `language of the text and verdict: ${LANGS.join(' or ')} (default en)`,
];

/** The --lang value; a bad one is a usage mistake naming the allowed values. */
export function langOf(command: string, flag: unknown): Lang {
  if (flag === undefined) return DEFAULT_LANG;
  if (!isLang(flag))
    throw new UsageError(`gradlab ${command}: --lang must be ${LANGS.join(' or ')}, got '${String(flag)}'`);
  return flag;
}

export function formatOf(command: string, path: string, flag: unknown): FigureFormat {
  const f = String(flag ?? extname(path).slice(1)).toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(f))
    throw new UsageError(
      `gradlab ${command}: figure format must be one of ${FIGURE_FORMATS.join(', ')} (from --format or the file's extension), got '${f || path}'`,
    );
  return f as FigureFormat;
}

/** A number for a table: exponent form beyond [1e-3, 1e5), else `digits` significant digits. */
export function valueText(v: number | null, digits: number): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(digits)));
}

export interface FigureJobOptions {
  command: string;
  values: Record<string, unknown>;
  /** File name of figure i when its settings name none. */
  fallbackName: (i: number) => string;
  lang: Lang;
  /** Whether to print "wrote FILE" lines (not under --json). */
  report: boolean;
}

export async function writeResultFigures(
  io: Io,
  lab: Lab,
  figures: LessonFigure[],
  o: FigureJobOptions,
): Promise<void> {
  const jobs: { path: string; format: FigureFormat; figure: LessonFigure }[] = [];
  if (o.values.figure && figures[0]) {
    const path = resolve(io.cwd, String(o.values.figure));
    jobs.push({ path, format: formatOf(o.command, path, o.values.format), figure: figures[0] });
  }
  if (o.values['figure-all'] && figures.length) {
    const dir = resolve(io.cwd, String(o.values['figure-all']));
    mkdirSync(dir, { recursive: true });
    const format = formatOf(o.command, '', o.values.format ?? 'svg');
    figures.forEach((figure, i) => {
      const base = typeof figure.settings.fileName === 'string' ? figure.settings.fileName : o.fallbackName(i);
      jobs.push({ path: join(dir, `${base}.${format}`), format, figure });
    });
  }
  for (const j of jobs) {
    const title = j.figure.title[o.lang];
    const file = await lab.handlers.exportFigure({
      runIds: j.figure.runIds,
      chart: j.figure.chart,
      format: j.format,
      settings: { title, lang: o.lang, ...j.figure.settings },
    });
    writeFileSync(j.path, file.bytes);
    if (o.report) io.out(`wrote ${j.path} (${title})`);
  }
}
