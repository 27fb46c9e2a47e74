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

/** What the host decides for an engine it starts. */
export interface LaunchOptions {
  /** Threads the engine's fused kernel splits a run's batch across (./engine-threads decides). */
  threads?: number;
}

export type EngineLauncher = (options?: LaunchOptions) => EngineChannel;
