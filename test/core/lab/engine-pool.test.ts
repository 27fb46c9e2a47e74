/**
 * The warm engine pool with real engine processes: an engine given back is handed out again (same pid, a
 * fresh 'ready'); one given back spoiled, killed, or beyond the idle limit is shut down and never reused;
 * close() leaves no engine behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineToHost } from '../../../core/engine/protocol';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import {
  createEnginePool,
  type EngineLease,
  type EnginePool,
  type EnginePoolOptions,
} from '../../../core/lab/engine-pool';
import { alive, until } from './helpers';

const pools: EnginePool[] = [];
const open = (options: EnginePoolOptions) => {
  const p = createEnginePool(forkLauncher(), options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  while (pools.length) await pools.pop()!.close();
});

const ready = (lease: EngineLease) =>
  new Promise<EngineToHost & { type: 'ready' }>((resolve, reject) => {
    lease.onMessage((m) => (m.type === 'ready' ? resolve(m) : m.type === 'error' && reject(new Error(m.message))));
    lease.onExit((code, signal) => reject(new Error(`engine exited (${code}, ${signal})`)));
  });

describe('engine pool', () => {
  it('hands a reusable engine out again, saying ready again, and shuts down one given back spoiled', async () => {
    const pool = open({ maxIdle: 1 });
    const first = pool.acquire();
    const info = (await ready(first)).info;
    const pid = first.pid!;
    first.release(true);
    expect(pool.idle).toBe(1);

    const again = pool.acquire();
    expect(again.pid).toBe(pid);
    expect(pool.idle).toBe(0);
    expect((await ready(again)).info).toEqual(info);
    again.release(false);
    await until(() => !alive(pid), 'the spoiled engine to exit');

    const fresh = pool.acquire();
    await ready(fresh);
    expect(fresh.pid).not.toBe(pid);
    fresh.release(true);
  });

  it('never hands out an idle engine that died, and keeps no more idle engines than maxIdle', async () => {
    const pool = open({ maxIdle: 1 });
    const [a, b] = [pool.acquire(), pool.acquire()];
    await Promise.all([ready(a), ready(b)]);
    const [pa, pb] = [a.pid!, b.pid!];
    a.release(true);
    b.release(true);
    expect(pool.idle).toBe(1);
    await until(() => !alive(pb), 'the engine beyond maxIdle to be shut down');
    expect(alive(pa)).toBe(true);

    process.kill(pa, 'SIGKILL');
    await until(() => pool.idle === 0, 'the killed idle engine to leave the pool');
    const c = pool.acquire();
    await ready(c);
    expect([pa, pb]).not.toContain(c.pid);
    c.release(true);
  });

  it('does not reuse an engine its holder killed', async () => {
    const pool = open({ maxIdle: 2 });
    const a = pool.acquire();
    await ready(a);
    const exited = new Promise<string | null>((resolve) => a.onExit((_code, signal) => resolve(signal)));
    a.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    a.release(true);
    expect(pool.idle).toBe(0);
  });

  it('shuts an engine down once it has been idle for idleMs', async () => {
    const pool = open({ maxIdle: 1, idleMs: 200 });
    const a = pool.acquire();
    await ready(a);
    a.release(true);
    await until(() => !alive(a.pid!) && pool.idle === 0, 'the idle engine to be shut down');
  });

  it('close() shuts down idle and leased engines and settles once they have exited', async () => {
    const pool = open({ maxIdle: 2 });
    const [a, b] = [pool.acquire(), pool.acquire()];
    await Promise.all([ready(a), ready(b)]);
    const leasedExit = new Promise<void>((resolve) => b.onExit(() => resolve()));
    a.release(true);
    await pool.close();
    expect(alive(a.pid!)).toBe(false);
    expect(alive(b.pid!)).toBe(false);
    await leasedExit;
    expect(() => pool.acquire()).toThrow(/closed/);
  });
});
