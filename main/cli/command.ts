/** One `gradlab` sub-command: a record in the registry, with its own options and help. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command<O extends OptionSpec = OptionSpec> {
  name: string;
  summary: string;
  usage: string;
  options: O;
  /** Help lines for the options, in order. */
  optionHelp: [string, string][];
  run(
    args: { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number>;
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new UsageError(`gradlab ${command.name}: ${message}`);
  }
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  const opts: [string, string][] = [...command.optionHelp, ['-h, --help', 'show this help']];
  lines.push('', 'Options:');
  const width = Math.max(...opts.map(([o]) => o.length));
  for (const [o, d] of opts) lines.push(`  ${o.padEnd(width)}  ${d}`);
  return lines.join('\n');
}
