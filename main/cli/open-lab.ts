/** The CLI's Lab: the run history at --db / $GRADLAB_DB / ~/.gradlab/lab.db, engines as child processes. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createLab, defaultConcurrency, type HostMode, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { resolveDatabasePath } from '../paths';
import { APP_VERSION } from '../version';
import type { Io } from './command';
import { UsageError } from './usage-error';

export interface LabFlags {
  db?: unknown;
  concurrency?: unknown;
}

/** `--concurrency N`, else GRADLAB_CONCURRENCY, else one run per spare core. */
function concurrencyOf(flag: unknown, env: NodeJS.ProcessEnv): number {
  if (flag === undefined) return defaultConcurrency(env);
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--concurrency must be a whole number from 1 to 256, got '${String(flag)}'`);
  return n;
}

/** broker: a URL already checked (broker-flag.ts), for runs on the cluster. */
export function openCliLab(io: Io, flags: LabFlags, mode: HostMode = 'cli', broker: string | null = null): Lab {
  const databasePath = resolveDatabasePath(typeof flags.db === 'string' ? flags.db : undefined, io.env, io.cwd);
  const concurrency = concurrencyOf(flags.concurrency, io.env);
  mkdirSync(dirname(databasePath), { recursive: true });
  return createLab({ mode, version: APP_VERSION, launcher: forkLauncher(), databasePath, concurrency, broker });
}

/** Reads a JSON file a user named on the command line, with errors that name it. */
export function readJsonFile(io: Io, path: string, what: string): unknown {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${full}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${full} is not valid JSON: ${(e as Error).message}`);
  }
}

export async function withLab<T>(lab: Lab, f: (lab: Lab) => Promise<T>): Promise<T> {
  try {
    return await f(lab);
  } finally {
    await lab.close();
  }
}
