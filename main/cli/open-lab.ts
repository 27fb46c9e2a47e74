/** The CLI's Lab: the run history at --db / $GRADLAB_DB / ~/.gradlab/lab.db, engines as child processes. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createLab, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { resolveDatabasePath } from '../paths';
import { APP_VERSION } from '../version';
import type { Io } from './command';
import { UsageError } from './usage-error';

export function openCliLab(io: Io, dbFlag: unknown): Lab {
  const databasePath = resolveDatabasePath(typeof dbFlag === 'string' ? dbFlag : undefined, io.env, io.cwd);
  mkdirSync(dirname(databasePath), { recursive: true });
  return createLab({ mode: 'cli', version: APP_VERSION, launcher: forkLauncher(), databasePath });
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
