/** Engine processes as Node child processes: structured-clone IPC, so typed arrays and NaN travel intact. */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineToHost } from '../engine/protocol';
import type { EngineChannel, EngineLauncher } from './engine-channel';

/** The engine entry beside this module: the TypeScript source (run through tsx) or a built bundle. */
export function defaultEngineEntry(): string {
  const ts = fileURLToPath(new URL('../engine/process/entry.ts', import.meta.url));
  if (existsSync(ts)) return ts;
  return fileURLToPath(new URL('./engine.js', import.meta.url));
}

export function forkLauncher(entry: string = defaultEngineEntry(), env: NodeJS.ProcessEnv = process.env): EngineLauncher {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return () => {
    const child = fork(entry, [], { serialization: 'advanced', execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let exited = false;
    const channel: EngineChannel = {
      get pid() {
        return child.pid;
      },
      send(message) {
        if (!exited && child.connected) child.send(message);
      },
      onMessage(listener) {
        child.on('message', (m) => listener(m as EngineToHost));
      },
      onExit(listener) {
        child.once('exit', (code, signal) => {
          exited = true;
          listener(code, signal);
        });
      },
      kill(signal = 'SIGTERM') {
        if (!exited) child.kill(signal);
      },
    };
    return channel;
  };
}
