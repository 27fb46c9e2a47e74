import { writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FIGURE_CHARTS, FIGURE_FORMATS, LAB_METHODS, invalidArgument } from '../../../core/api';
import { isLang, LANGS } from '../../../core/shared/lang';
import type { Command } from '../command';
import { openCliLab, readJsonFile, withLab } from '../open-lab';
import { UsageError } from '../usage-error';

export const figureCommand: Command = {
  name: 'figure',
  summary: "render a paper figure of stored runs (the same code as the window's Export figure)",
  usage: `gradlab figure --runs ID,ID --chart ${FIGURE_CHARTS.join('|')} --format ${FIGURE_FORMATS.join('|')} --out FILE [--lang ${LANGS.join('|')}] [--width-in 3.5] [--dpi 300] [--settings S.json]`,
  options: {
    runs: { type: 'string' },
    chart: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'width-in': { type: 'string' },
    'height-in': { type: 'string' },
    dpi: { type: 'string' },
    size: { type: 'string' },
    title: { type: 'string' },
    lang: { type: 'string' },
    settings: { type: 'string' },
    db: { type: 'string' },
  },
  optionHelp: [
    ['--runs ID,ID', 'the runs to plot'],
    ['--chart KIND', FIGURE_CHARTS.join(', ')],
    ['--format F', `${FIGURE_FORMATS.join(', ')} (default: from --out's extension)`],
    ['-o, --out FILE', 'file to write'],
    ['--size P', 'single (3.5 in), double (7 in) or custom'],
    ['--width-in W / --height-in H', 'custom size in inches'],
    ['--dpi N', 'PNG resolution (default 300)'],
    ['--title T', 'figure title'],
    ['--lang L', `the figure's words (titles, axis labels, legend names): ${LANGS.join(' or ')} (default en)`],
    ['--settings S.json', 'any figure settings (fonts, labels, legend names, palette...) as saved by the window'],
    ['--db FILE', 'run history database'],
  ],
  async run({ values }, io) {
    if (!values.runs || !values.chart || !values.out)
      throw new UsageError('gradlab figure: --runs, --chart and --out are required');
    if (values.lang !== undefined && !isLang(values.lang))
      throw new UsageError(`gradlab figure: --lang must be ${LANGS.join(' or ')}, not "${String(values.lang)}"`);
    const out = resolve(io.cwd, String(values.out));
    const format = values.format ?? out.split('.').pop();
    const settings: Record<string, unknown> = values.settings
      ? (readJsonFile(io, String(values.settings), 'settings file') as Record<string, unknown>)
      : {};
    if (values['width-in']) Object.assign(settings, { size: 'custom', widthIn: Number(values['width-in']) });
    if (values['height-in']) Object.assign(settings, { heightIn: Number(values['height-in']) });
    if (values.size) settings.size = values.size;
    if (values.dpi) settings.dpi = Number(values.dpi);
    if (values.title) settings.title = values.title;
    if (values.lang) settings.lang = values.lang;
    // The .tex names its CSV after the file's own name, so the two stay together under --out's name.
    const stem = basename(out).replace(/\.[^.]*$/, '');
    if (format === 'tex' && settings.fileName === undefined && /^[A-Za-z0-9._-]{1,100}$/.test(stem))
      settings.fileName = stem;
    const parsed = LAB_METHODS.exportFigure.args.safeParse({
      runIds: String(values.runs).split(','),
      chart: values.chart,
      format,
      settings,
    });
    if (!parsed.success) throw invalidArgument('figure options', parsed.error);
    return withLab(openCliLab(io, values), async (lab) => {
      const file = await lab.handlers.exportFigure(parsed.data);
      writeFileSync(out, file.bytes);
      io.out(`wrote ${out}`);
      for (const c of file.companions ?? []) {
        // A pgfplots figure reads its CSV by name from beside itself.
        const beside = join(dirname(out), c.fileName);
        writeFileSync(beside, c.bytes);
        io.out(`wrote ${beside}`);
      }
      return 0;
    });
  },
};
