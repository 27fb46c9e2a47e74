/**
 * The `gradlab` command line. Every sub-command is a record in COMMANDS; mistakes in how a command is
 * called exit with code 2 and name the offending command or flag.
 */
import type { Command, Io } from './command';
import { commandHelp, parseCommandArgs } from './command';
import { UsageError } from './usage-error';
import { LabError } from '../../core/api';
import { APP_VERSION } from '../version';
import { serveCommand } from './commands/serve';
import { infoCommand } from './commands/info';
import { trainCommand } from './commands/train';
import { runsCommand } from './commands/runs';
import { sweepCommand } from './commands/sweep';
import { figureCommand } from './commands/figure';
import { probeCommand } from './commands/probe';
import { lessonCommand } from './commands/lesson';
import { replicateCommand } from './commands/replicate';
import { dbCommand } from './commands/db';
import { importCommand } from './commands/import';
import { workerCommand } from './commands/worker';
import { clusterCommand } from './commands/cluster';

export const COMMANDS: Command[] = [
  trainCommand,
  runsCommand,
  sweepCommand,
  figureCommand,
  lessonCommand,
  replicateCommand,
  probeCommand,
  importCommand,
  serveCommand,
  workerCommand,
  clusterCommand,
  dbCommand,
  infoCommand,
];

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'RNN Gradient Lab: train recurrent networks and measure how their gradients travel back through time.',
    '',
    'Usage: gradlab <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or `gradlab <command> --help`)',
    '  -v, --version  print the version',
  ].join('\n');
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  cwd: process.cwd(),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      io.out(topHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version') {
      io.out(APP_VERSION);
      return 0;
    }
    if (first.startsWith('-')) throw new UsageError(`gradlab: unknown option '${first}'`);
    const command = COMMANDS.find((c) => c.name === first);
    if (!command)
      throw new UsageError(`gradlab: unknown command '${first}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nRun 'gradlab --help' for usage.`);
      return 2;
    }
    if (e instanceof LabError) {
      io.err(`gradlab: ${e.message}`);
      for (const i of e.issues) if (i.path) io.err(`  ${i.path}: ${i.message}`);
      return 1;
    }
    io.err(`gradlab: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
