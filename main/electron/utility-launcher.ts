/** Engine processes in the desktop app: Electron's utilityProcess (a crash never takes the window down). */
import { utilityProcess } from 'electron';
import type { EngineToHost } from '../../core/engine/protocol';
import type { EngineChannel, EngineLauncher } from '../../core/lab/engine-channel';
import { engineEnv } from '../../core/lab/engine-threads';

export function utilityLauncher(entry: string): EngineLauncher {
  return (options) => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'gradlab-engine',
      stdio: 'inherit',
      env: engineEnv(process.env, options),
    });
    let exited = false;
    const channel: EngineChannel = {
      get pid() {
        return child.pid;
      },
      send(message) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', (m: unknown) => listener(m as EngineToHost));
      },
      onExit(listener) {
        child.once('exit', (code) => {
          exited = true;
          listener(code, null);
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    };
    return channel;
  };
}
