/** `gradlab import tensorboard DIR`: another tool's logs as imported runs in the lab's history. */
import { resolve } from 'node:path';
import { toWire } from '../../../core/shared/wire';
import type { Command } from '../command';
import { openCliLab, withLab } from '../open-lab';
import { UsageError } from '../usage-error';

const SOURCES = ['tensorboard'] as const;

const counts = (o: Record<string, number>): string =>
  Object.entries(o)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

export const importCommand: Command = {
  name: 'import',
  summary: 'import runs logged by another tool (TensorBoard event files)',
  usage: 'gradlab import tensorboard DIR [--tag T]... [--group REGEX] [--db FILE] [--json]',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    tag: { type: 'string', multiple: true },
    group: { type: 'string' },
  },
  optionHelp: [
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    [
      '--tag T',
      'import only scalar tag T (repeat for more); METRIC=T stores T as the lab metric METRIC, e.g. loss=train/loss',
    ],
    [
      '--group REGEX',
      "the part of run names that names the seed, e.g. 'seed=\\d+': runs differing only there are seeds of one configuration",
    ],
    ['--json', 'print the import report as JSON'],
  ],
  async run({ values, positionals }, io) {
    const [source, dir, ...extra] = positionals;
    if (!source || !(SOURCES as readonly string[]).includes(source))
      throw new UsageError(`gradlab import: give a source: ${SOURCES.join(', ')}${source ? ` (not '${source}')` : ''}`);
    if (!dir || extra.length > 0) throw new UsageError('gradlab import tensorboard: give one log directory');
    const tags = (values.tag as string[] | undefined) ?? [];
    const group = typeof values.group === 'string' ? values.group : undefined;
    return withLab(openCliLab(io, values), async (lab) => {
      const report = await lab.handlers.importTensorBoard({
        directory: resolve(io.cwd, dir),
        tags,
        ...(group !== undefined ? { group } : {}),
      });
      if (values.json) {
        io.out(toWire(report));
        return 0;
      }
      for (const r of report.runs) {
        const extraNotes = [
          Object.keys(r.skipped).length ? `skipped ${counts(r.skipped)}` : '',
          r.purged ? `dropped ${r.purged} points a restarted writer rewrote` : '',
          ...r.truncated.map(
            (t) => `${t.file} ends inside a record at byte ${t.offset} (still being written?): read up to there`,
          ),
        ].filter(Boolean);
        io.out(
          `${r.run.id}  ${r.run.name}: ${r.tags.length} tags, ${r.points} points from ${r.files} file(s)${extraNotes.length ? `; ${extraNotes.join('; ')}` : ''}`,
        );
      }
      if (report.withoutScalars.length) io.out(`no scalars in: ${report.withoutScalars.join(', ')} (not imported)`);
      io.out(`imported ${report.runs.length} run(s)`);
      return 0;
    });
  },
};
