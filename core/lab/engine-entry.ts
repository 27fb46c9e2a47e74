/**
 * Which file an engine process starts from. The TypeScript entry goes through tsx, which transforms every
 * module at start (about 1 s on 2 cores); the electron-vite bundle of the same entry starts in about half
 * that. The bundle is used only while nothing it is built from has changed since it was written, so a
 * change to the engine is never shadowed by an old build: a stale or missing bundle means the sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EngineEntries {
  /** The TypeScript entry, present in a checkout (not in an installed app). */
  source: string;
  /** The built bundle of the same entry (`npx electron-vite build`). */
  bundle: string;
  /** What the bundle is built from (files or folders, searched recursively). */
  inputs: string[];
}

const mtimeOf = (path: string): number | null => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/** The newest modification time of any file under these paths (0 when none exists). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const stack = [...paths];
  while (stack.length) {
    const p = stack.pop()!;
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) stack.push(...readdirSync(p).map((name) => join(p, name)));
    newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

/** The bundle when it exists and is not older than any of its inputs; the TypeScript entry otherwise. */
export function chooseEngineEntry(e: EngineEntries): string {
  if (!existsSync(e.source)) return e.bundle;
  const built = mtimeOf(e.bundle);
  if (built === null) return e.source;
  return newestMtime(e.inputs) <= built ? e.bundle : e.source;
}

/** This checkout's engine: core/ is what the bundle is built from, with the build's own configuration. */
export function checkoutEngineEntries(): EngineEntries {
  const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  return {
    source: at('../engine/process/entry.ts'),
    bundle: existsSync(at('../engine/process/entry.ts')) ? at('../../out/main/engine.js') : at('./engine.js'),
    inputs: [at('../../core'), at('../../electron.vite.config.ts')],
  };
}
