/**
 * How the host talks to one engine process, whatever hosts it: a Node child process (browser mode, CLI,
 * tests) or Electron's utilityProcess (the desktop app). The Lab only sees this interface.
 */
import type { EngineToHost, HostToEngine } from '../engine/protocol';

export interface EngineChannel {
  send(message: HostToEngine): void;
  onMessage(listener: (message: EngineToHost) => void): void;
  /** Fires once when the process is gone, with its exit code or the signal that killed it. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(signal?: NodeJS.Signals): void;
  readonly pid: number | undefined;
}

export type EngineLauncher = () => EngineChannel;
