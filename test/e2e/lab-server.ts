/** Starts a real `gradlab serve` (its own process, a temporary database) for the browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedLab {
  url: string;
  origin: string;
  token: string;
  dir: string;
  dbPath: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServedLab(extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedLab> {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-e2e-'));
  const dbPath = join(dir, 'lab.db');
  const child: ChildProcess = spawn(process.execPath, ['bin/gradlab.js', 'serve', '--port', '0', '--db', dbPath], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gradlab serve printed no URL within 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`gradlab serve exited with ${code}:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dir,
    dbPath,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
