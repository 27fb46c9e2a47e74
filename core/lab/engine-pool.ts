/**
 * Engine processes kept warm between runs. Starting one (Node, TensorFlow.js, its backend) takes 0.5–1 s,
 * as long as a short run trains, so a run that ends normally hands its engine back and the next run, or a
 * prediction, is served by it. The engine trains one run at a time and frees each run's tensors, so a run
 * finds it as a fresh one would be. An engine that exited, was killed, or whose holder saw it misbehave is
 * never handed out again; idle engines beyond `maxIdle`, or idle longer than `idleMs`, are shut down.
 */
import type { EngineInfo } from '../api';
import type { EngineToHost } from '../engine/protocol';
import type { EngineChannel, EngineLauncher } from './engine-channel';

/** One holder's use of an engine: its messages and its exit, until it gives the engine back. */
export interface EngineLease extends EngineChannel {
  /**
   * Gives the engine back. Reusable: it finished what it was asked and is waiting for more (the pool may keep
   * it). Otherwise it is shut down, and killed if it does not leave within the grace period.
   */
  release(reusable: boolean): void;
}

export type LeaseEngine = () => EngineLease;

export interface EnginePoolOptions {
  /** Idle engines kept at most (the Lab's concurrency: one per run that may train at once). */
  maxIdle: number;
  /** An engine idle this long is shut down, giving its memory back (default 60 s). */
  idleMs?: number;
  /** How long a shut-down engine may take to leave before it is killed (default 2 s). */
  graceMs?: number;
}

export interface EnginePool {
  acquire: LeaseEngine;
  /** Engines waiting for work. */
  readonly idle: number;
  /** Shuts every engine down, idle or leased, and settles when all of them have exited. */
  close(): Promise<void>;
}

interface Engine {
  channel: EngineChannel;
  info: EngineInfo | null;
  exited: boolean;
  /** Killed through a lease: whatever it was doing was cut short, so it is not reused even if alive. */
  spoiled: boolean;
  lease: Lease | null;
  idleTimer: NodeJS.Timeout | null;
  gone: Promise<void>;
}

interface Lease extends EngineLease {
  deliver(message: EngineToHost): void;
  exited(code: number | null, signal: string | null): void;
}

export function createEnginePool(launch: EngineLauncher, options: EnginePoolOptions): EnginePool {
  const idleMs = options.idleMs ?? 60_000;
  const graceMs = options.graceMs ?? 2_000;
  const engines = new Set<Engine>();
  const idle: Engine[] = [];
  let closed = false;

  const dropIdle = (e: Engine) => {
    const i = idle.indexOf(e);
    if (i !== -1) idle.splice(i, 1);
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = null;
  };

  const shutdown = (e: Engine) => {
    dropIdle(e);
    if (e.exited) return;
    e.channel.send({ type: 'shutdown' });
    setTimeout(() => e.channel.kill('SIGKILL'), graceMs).unref();
  };

  const start = (): Engine => {
    const channel = launch();
    let gone!: () => void;
    const e: Engine = {
      channel,
      info: null,
      exited: false,
      spoiled: false,
      lease: null,
      idleTimer: null,
      gone: new Promise((r) => (gone = r)),
    };
    engines.add(e);
    channel.onMessage((m) => {
      if (m.type === 'ready') e.info = m.info;
      e.lease?.deliver(m);
    });
    channel.onExit((code, signal) => {
      e.exited = true;
      dropIdle(e);
      engines.delete(e);
      e.lease?.exited(code, signal);
      gone();
    });
    return e;
  };

  const lease = (e: Engine): Lease => {
    const listeners: ((m: EngineToHost) => void)[] = [];
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    // Messages heard before the holder listens (a reused engine's 'ready') wait for it.
    let backlog: EngineToHost[] = [];
    let exit: [number | null, string | null] | null = null;
    let active = true;
    const l: Lease = {
      get pid() {
        return e.channel.pid;
      },
      send(message) {
        if (active) e.channel.send(message);
      },
      onMessage(listener) {
        listeners.push(listener);
        if (!backlog.length) return;
        const held = backlog;
        backlog = [];
        queueMicrotask(() => held.forEach((m) => l.deliver(m)));
      },
      onExit(listener) {
        exitListeners.push(listener);
        if (exit) {
          const [code, signal] = exit;
          queueMicrotask(() => listener(code, signal));
        }
      },
      kill(signal) {
        if (!active) return;
        e.spoiled = true;
        e.channel.kill(signal);
      },
      release(reusable) {
        if (!active) return;
        active = false;
        e.lease = null;
        if (reusable && !closed && !e.exited && !e.spoiled && e.info && idle.length < options.maxIdle) {
          idle.push(e);
          e.idleTimer = setTimeout(() => shutdown(e), idleMs);
          e.idleTimer.unref();
        } else shutdown(e);
      },
      deliver(m) {
        if (!active) return;
        if (listeners.length) listeners.forEach((f) => f(m));
        else backlog.push(m);
      },
      exited(code, signal) {
        exit = [code, signal];
        if (active) exitListeners.forEach((f) => f(code, signal));
      },
    };
    e.lease = l;
    return l;
  };

  return {
    acquire() {
      if (closed) throw new Error('The engine pool is closed');
      const warm = idle.shift();
      if (!warm) return lease(start());
      dropIdle(warm);
      const l = lease(warm);
      // The holder waits for 'ready' as it would from a new engine: say it again.
      l.deliver({ type: 'ready', info: warm.info! });
      return l;
    },
    get idle() {
      return idle.length;
    },
    async close() {
      closed = true;
      const all = [...engines];
      all.forEach(shutdown);
      await Promise.all(all.map((e) => e.gone));
    },
  };
}
