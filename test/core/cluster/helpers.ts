/**
 * A real redis-server per test file (free port, password, its own directory, append-only file, no RDB
 * snapshots, never daemonized) and real `gradlab worker` processes, each with its own engine children.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { until } from '../lab/helpers';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  port: number;
  password: string;
  dir: string;
  process: ChildProcess;
  /** Stops it the way an operator would (SHUTDOWN: the append-only file is complete) and starts it again on the same files. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function answering(port: number, password: string): Promise<boolean> {
  const r = new Redis({
    port,
    host: '127.0.0.1',
    password,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * `bind` and `wrap` put it on another address in another network namespace; readiness is then read from its
 * own log line, since this process may have no route to that address.
 */
export async function startRedis(o: { bind?: string; wrap?: string[] } = {}): Promise<TestRedis> {
  const bind = o.bind ?? '127.0.0.1';
  const port = o.bind ? 6379 : await freePort();
  const password = 'test-' + Math.random().toString(36).slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-redis-'));
  let said = '';
  const launch = () => {
    said = '';
    const args = ['--port', String(port), '--bind', bind, '--requirepass', password, '--dir', dir];
    args.push('--appendonly', 'yes', '--save', '', '--daemonize', 'no');
    const [cmd, ...rest] = [...(o.wrap ?? []), 'redis-server', ...args];
    const p = spawn(cmd!, rest, { stdio: ['ignore', o.wrap ? 'pipe' : 'ignore', 'ignore'] });
    p.stdout?.on('data', (d: Buffer) => (said += d.toString()));
    return p;
  };
  const r: TestRedis = {
    url: `redis://:${password}@${bind}:${port}`,
    port,
    password,
    dir,
    process: launch(),
    async restart() {
      await stopProcess(r.process);
      r.process = launch();
      await waitAnswering();
    },
    async stop() {
      await stopProcess(r.process);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const waitAnswering = async () => {
    for (let i = 0; i < 200; i++) {
      if (o.wrap ? said.includes('Ready to accept connections') : await answering(port, password)) return;
      if (r.process.exitCode !== null) throw new Error(`redis-server exited with code ${r.process.exitCode}`);
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('redis-server did not answer within 10 s');
  };
  await waitAnswering();
  return r;
}

async function stopProcess(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((res) => p.once('exit', res));
  p.kill('SIGTERM');
  await gone;
}

export interface TestWorker {
  name: string;
  process: ChildProcess;
  log: () => string;
  /** Resolves once it said it is ready. */
  ready: Promise<void>;
  exit: Promise<number | null>;
}

/** How long a worker may take to load its engine on a loaded 2-core CI machine before a test gives up. */
export const WORKER_READY_MS = 180_000;

/** Polls an async state until it holds; the bound is generous because the machine is shared, never a sleep. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  timeoutMs = WORKER_READY_MS,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * `gradlab worker` as a user starts it, with a short job lock so a killed worker's runs move on quickly.
 * `wrap` runs it under another command (e.g. `ip netns exec NS`), which must exec it in place.
 */
export function startWorker(
  url: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
  wrap: string[] = [],
): TestWorker {
  const argv = [process.execPath, 'bin/gradlab.js', 'worker', '--broker', url, '--name', name, ...args];
  const [cmd, ...rest] = [...wrap, ...argv];
  const p = spawn(cmd!, rest, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GRADLAB_WORKER_LOCK_MS: '2000', ...env },
  });
  let out = '';
  p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((res) => p.once('exit', (code) => res(code)));
  const ready = until(
    () => out.includes(`worker ${name} on `) || p.exitCode !== null,
    `worker ${name} to start`,
    WORKER_READY_MS,
  ).then(() => {
    if (p.exitCode !== null) throw new Error(`worker ${name} exited: ${out}`);
  });
  return { name, process: p, log: () => out, ready, exit };
}

export async function stopWorker(w: TestWorker, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (w.process.exitCode !== null || w.process.signalCode !== null) return;
  w.process.kill(signal);
  await w.exit;
}
