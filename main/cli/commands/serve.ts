import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDispatcher } from '../../../core/api';
import { createLab } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import { startLabServer } from '../../http/server';
import { rendererBuildDir, resolveDatabasePath } from '../../paths';
import { APP_VERSION } from '../../version';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the lab to a browser on 127.0.0.1 (browser mode)',
  usage: 'gradlab serve [--port N] [--db FILE]',
  options: { port: { type: 'string', short: 'p' }, db: { type: 'string' } },
  optionHelp: [
    ['-p, --port N', 'port on 127.0.0.1 (default: a free port)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
  ],
  async run({ values }, io) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`gradlab serve: --port must be a whole number from 0 to 65535, got '${String(values.port)}'`);
    const staticDir = rendererBuildDir();
    if (!existsSync(staticDir)) throw new UsageError(`gradlab serve: the renderer is not built (${staticDir} is missing): run 'npm run build' first`);
    const databasePath = resolveDatabasePath(values.db as string | undefined, io.env, io.cwd);
    mkdirSync(dirname(databasePath), { recursive: true });
    const lab = createLab({ mode: 'browser', version: APP_VERSION, launcher: forkLauncher(), databasePath });
    const server = await startLabServer({ dispatch: createDispatcher(lab.handlers), subscribe: lab.subscribe, staticDir, port });
    io.out(`RNN Gradient Lab is serving on ${server.url}`);
    io.out(`Open that address in a browser (it carries this session's token). Database: ${databasePath}. Ctrl+C stops.`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await lab.close();
    return 0;
  },
};
