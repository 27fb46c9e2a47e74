/**
 * The broker address and the connections to it. A URL without a password is refused unless Redis listens
 * on loopback (anyone who reaches Redis can train on the workers and write into the lab's history).
 * Connecting checks the password and the server's version (BullMQ needs Redis ≥ 6.2) and says what is
 * wrong in one line.
 */
import { Redis, type RedisOptions } from 'ioredis';

export const MIN_REDIS = [6, 2, 0] as const;

export class BrokerError extends Error {
  /** `usage`: the URL itself is wrong (exit 2); `unavailable`: the broker would not let us in. */
  constructor(
    message: string,
    readonly kind: 'usage' | 'unavailable',
  ) {
    super(message);
    this.name = 'BrokerError';
  }
}

export interface BrokerAddress {
  url: string;
  /** The URL with its password replaced by `***`, for messages and status. */
  display: string;
  options: RedisOptions;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function parseBrokerUrl(raw: string): BrokerAddress {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BrokerError(
      `the broker URL '${raw}' is not a URL: use redis://:PASSWORD@HOST:PORT (or rediss:// for TLS)`,
      'usage',
    );
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new BrokerError(`the broker URL must start with redis:// or rediss://, got '${u.protocol}//'`, 'usage');
  }
  const host = u.hostname;
  if (!host) throw new BrokerError('the broker URL names no host: use redis://:PASSWORD@HOST:PORT', 'usage');
  const password = decodeURIComponent(u.password);
  if (!password && !LOOPBACK.has(host)) {
    throw new BrokerError(
      `the broker ${host} is not on this machine, so it needs a password: redis://:PASSWORD@${host}:${u.port || 6379} (Redis requirepass)`,
      'usage',
    );
  }
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new BrokerError(`the broker URL's database '${u.pathname.slice(1)}' is not a number`, 'usage');
  const display = `${u.protocol}//${password ? `${u.username}:***@` : ''}${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
  const options: RedisOptions = {
    host,
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(password ? { password } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: { servername: host } } : {}),
    // BullMQ's blocking connections must wait out a broker restart instead of failing their commands.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  };
  return { url: raw, display, options };
}

/** A new connection (BullMQ and blocking reads each need their own). */
export function connect(address: BrokerAddress, name: string): Redis {
  const r = new Redis({ ...address.options, connectionName: name, lazyConnect: false });
  // Errors surface through the commands that wait on them; an unhandled 'error' event must not kill the process.
  r.on('error', () => undefined);
  return r;
}

const versionOf = (info: string): number[] | null => {
  const m = /redis_version:(\d+)\.(\d+)\.(\d+)/.exec(info);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
};

const older = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/** Connects once and checks the password and the version, within timeoutMs. Throws BrokerError. */
export async function checkBroker(address: BrokerAddress, timeoutMs = 5000): Promise<string> {
  const r = new Redis({
    ...address.options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
    enableOfflineQueue: false,
  });
  // The reason (a refused AUTH, ECONNREFUSED) comes as an 'error' event; connect() only says the connection closed.
  let reason: Error | null = null;
  r.on('error', (e: Error) => (reason ??= e));
  try {
    await r.connect();
    const info = await r.info('server');
    const v = versionOf(info);
    if (!v) throw new BrokerError(`the broker ${address.display} did not say its Redis version`, 'unavailable');
    if (older(v, MIN_REDIS))
      throw new BrokerError(
        `the broker ${address.display} runs Redis ${v.join('.')}; BullMQ needs Redis ${MIN_REDIS.join('.')} or newer`,
        'unavailable',
      );
    return v.join('.');
  } catch (e) {
    if (e instanceof BrokerError) throw e;
    const msg = (reason as Error | null)?.message ?? (e instanceof Error ? e.message : String(e));
    if (/WRONGPASS|invalid password|invalid username-password/i.test(msg))
      throw new BrokerError(
        `the broker ${address.display} refused the password (wrong password in the broker URL)`,
        'unavailable',
      );
    if (/NOAUTH/i.test(msg))
      throw new BrokerError(
        `the broker ${address.display} needs a password: redis://:PASSWORD@HOST:PORT`,
        'unavailable',
      );
    throw new BrokerError(`cannot reach the broker ${address.display}: ${msg}`, 'unavailable');
  } finally {
    r.disconnect();
  }
}
