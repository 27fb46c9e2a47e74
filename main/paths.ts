/** Where things live on disk for the hosts that are not Electron (CLI, browser mode). */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--db FILE`, else GRADLAB_DB, else ~/.gradlab/lab.db. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag) return resolve(cwd, flag);
  if (env.GRADLAB_DB) return resolve(cwd, env.GRADLAB_DB);
  return join(homedir(), '.gradlab', 'lab.db');
}

/** The built renderer (electron-vite's output). */
export function rendererBuildDir(): string {
  return fileURLToPath(new URL('../out/renderer', import.meta.url));
}
