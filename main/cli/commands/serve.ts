import { existsSync } from 'node:fs';
import { createDispatcher } from '../../../core/api';
import { startLabServer } from '../../http/server';
import { rendererBuildDir } from '../../paths';
import { openCliLab } from '../open-lab';
import type { Command } from '../command';
import { UsageError } from '../usage-error';
import { BROKER_HELP, openBroker } from '../broker-flag';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the lab to a browser on 127.0.0.1 (browser mode)',
  usage: 'gradlab serve [--port N] [--db FILE] [--concurrency N] [--broker URL]',
  options: {
    port: { type: 'string', short: 'p' },
    db: { type: 'string' },
    concurrency: { type: 'string' },
    broker: { type: 'string' },
  },
  optionHelp: [
    ['-p, --port N', 'port on 127.0.0.1 (default: a free port)'],
    ['--db FILE', 'run history database (default: $GRADLAB_DB or ~/.gradlab/lab.db)'],
    ['--concurrency N', 'runs training at once (default: one per spare core, at least one)'],
    BROKER_HELP,
  ],
  async run({ values }, io) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(
        `gradlab serve: --port must be a whole number from 0 to 65535, got '${String(values.port)}'`,
      );
    const staticDir = rendererBuildDir();
    if (!existsSync(staticDir))
      throw new UsageError(
        `gradlab serve: the renderer is not built (${staticDir} is missing): run 'npm run build' first`,
      );
    const broker = await openBroker(values.broker, io, false, 'gradlab serve');
    const lab = openCliLab(io, values, 'browser', broker?.url ?? null);
    const databasePath = (await lab.handlers.health({})).database;
    const server = await startLabServer({
      dispatch: createDispatcher(lab.handlers),
      subscribe: lab.subscribe,
      staticDir,
      port,
    });
    io.out(`RNN Gradient Lab is serving on ${server.url}`);
    if (lab.interruptedAtStart.length)
      io.out(
        `${lab.interruptedAtStart.length} run(s) left running by a host that stopped were marked interrupted (resume them from the Runs view).`,
      );
    io.out(
      `Open that address in a browser (it carries this session's token). Database: ${databasePath}. Ctrl+C stops.`,
    );
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
