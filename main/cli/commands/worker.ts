import { hostname } from 'node:os';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import { startWorker } from '../../../core/cluster/worker';
import type { Command } from '../command';
import { BROKER_HELP, openBroker } from '../broker-flag';
import { UsageError } from '../usage-error';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'train runs for the cluster: take them from the broker, send their metrics back (SIGTERM hands them back)',
  usage: 'gradlab worker --broker URL [--concurrency N] [--name NAME]',
  options: { broker: { type: 'string' }, concurrency: { type: 'string' }, name: { type: 'string' } },
  optionHelp: [
    BROKER_HELP,
    ['--concurrency N', 'runs this machine trains at once, one engine process each (default 1)'],
    ['--name NAME', 'how the cluster lists this worker (default: HOST-PID)'],
  ],
  async run({ values }, io) {
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
      throw new UsageError(
        `gradlab worker: --concurrency must be a whole number from 1 to 64, got '${String(values.concurrency)}'`,
      );
    const name = typeof values.name === 'string' ? values.name : `${hostname()}-${process.pid}`;
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name))
      throw new UsageError(`gradlab worker: --name must be 1–100 letters, digits, '.', '_' or '-', got '${name}'`);
    const address = (await openBroker(values.broker, io, true, 'gradlab worker'))!;
    const lockMs = Number(io.env.GRADLAB_WORKER_LOCK_MS) || undefined;
    let worker;
    try {
      worker = await startWorker({
        address,
        name,
        concurrency,
        launcher: forkLauncher(),
        log: io.err,
        ...(lockMs ? { lockMs } : {}),
      });
    } catch (e) {
      io.err(`gradlab worker: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    io.err(`worker ${name}: stopping; runs in training go back to the queue`);
    await worker.close();
    return 0;
  },
};
