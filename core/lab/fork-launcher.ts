/** Engine processes as Node child processes: structured-clone IPC, so typed arrays and NaN travel intact. */
import { fork } from 'node:child_process';
import type { EngineToHost } from '../engine/protocol';
import type { EngineChannel, EngineLauncher } from './engine-channel';
import { checkoutEngineEntries, chooseEngineEntry } from './engine-entry';
import { engineEnv } from './engine-threads';

/** The built engine bundle when it is up to date with the sources, else the TypeScript entry (engine-entry.ts). */
export function defaultEngineEntry(): string {
  return chooseEngineEntry(checkoutEngineEntries());
}

export function forkLauncher(
  entry: string = defaultEngineEntry(),
  env: NodeJS.ProcessEnv = process.env,
): EngineLauncher {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return (options) => {
    const child = fork(entry, [], {
      serialization: 'advanced',
      execArgv,
      env: engineEnv(env, options),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let exited = false;
    const channel: EngineChannel = {
      get pid() {
        return child.pid;
      },
      send(message) {
        // An engine that has just failed may still look connected: the write then fails with EPIPE, which
        // without a callback is an unhandled 'error' that takes the lab down. Its exit, reported through
        // onExit, is what the lab acts on, so the failed write is dropped here.
        if (!exited && child.connected) child.send(message, (err) => void err);
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
