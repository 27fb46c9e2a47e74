import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { LabStore } from '../../../core/store';
import { resolveDatabasePath } from '../../paths';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

const SUB = ['vacuum', 'info'] as const;

const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;

export const dbCommand: Command = {
  name: 'db',
  summary: 'maintenance of the run history file: vacuum (compact it) or info',
  usage: 'gradlab db vacuum|info [--db FILE]',
  options: { db: { type: 'string' } },
  optionHelp: [['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)']],
  async run({ values, positionals }, io) {
    const [sub, ...rest] = positionals;
    if (!sub || !(SUB as readonly string[]).includes(sub) || rest.length)
      throw new UsageError(
        `gradlab db: give one sub-command: ${SUB.join(', ')}${sub ? ` (not '${[sub, ...rest].join(' ')}')` : ''}`,
      );
    const path = resolveDatabasePath(typeof values.db === 'string' ? values.db : undefined, io.env, io.cwd);
    mkdirSync(dirname(path), { recursive: true });
    const store = LabStore.open(path);
    try {
      const open = store.liveSessions().filter((s) => !(s.host === store.owner.host && s.pid === store.owner.pid));
      const fileSize = statSync(path).size;
      if (sub === 'info') {
        io.out(
          `${path}: ${mib(fileSize)}, ${store.listRuns({ sort: 'createdAt', order: 'desc', limit: 1, offset: 0 }).total} run(s)`,
        );
        for (const s of open) io.out(`open in: ${s.mode} lab, process ${s.pid} on ${s.host}, since ${s.openedAt}`);
        return 0;
      }
      if (open.length) {
        const who = open
          .map((s) => `the ${s.mode} lab of process ${s.pid} on ${s.host} (open since ${s.openedAt})`)
          .join(', ');
        io.err(
          `gradlab db vacuum: ${path} is open in ${who}; close it and try again (VACUUM rewrites the whole file).`,
        );
        return 1;
      }
      const { before, after } = store.vacuum();
      io.out(`vacuumed ${path}: ${mib(before)} → ${mib(after)}`);
      return 0;
    } finally {
      store.close();
    }
  },
};
