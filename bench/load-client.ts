/**
 * The load bench's second process: `connections` clients on loopback, each sending its call, waiting for the
 * answer and sending the next, until `seconds` have passed (and at most `maxCalls` calls in all). Every
 * latency is kept, so the percentiles are exact. Prints one JSON report on stdout.
 *   node --import tsx bench/load-client.ts '<json LoadPlan>'
 */
import http from 'node:http';

export interface LoadPlan {
  port: number;
  token: string;
  tokenHeader: string;
  connections: number;
  seconds: number;
  maxCalls: number;
  /** A client calls calls[i % calls.length], i its index: half listRuns, half getSeries, say. */
  calls: { method: string; body: string }[];
  timeoutMs: number;
}

export interface MethodReport {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

async function main(plan: LoadPlan): Promise<Record<string, MethodReport>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const stats = new Map<string, { ms: number[]; errors: number; timeouts: number; non2xx: number }>();
  for (const c of plan.calls) stats.set(c.method, { ms: [], errors: 0, timeouts: 0, non2xx: 0 });
  const deadline = performance.now() + plan.seconds * 1000;
  let sent = 0;
  const once = (c: { method: string; body: string }) =>
    new Promise<void>((resolve) => {
      const s = stats.get(c.method)!;
      const t0 = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: plan.port,
          path: `/api/${c.method}`,
          method: 'POST',
          agent,
          headers: { [plan.tokenHeader]: plan.token, 'content-type': 'application/json' },
          timeout: plan.timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            s.ms.push(performance.now() - t0);
            if ((res.statusCode ?? 0) >= 300) s.non2xx++;
            resolve();
          });
        },
      );
      req.on('timeout', () => {
        s.timeouts++;
        req.destroy();
      });
      req.on('error', () => {
        s.errors++;
        resolve();
      });
      req.end(c.body);
    });
  await Promise.all(
    Array.from({ length: plan.connections }, async (_, i) => {
      const c = plan.calls[i % plan.calls.length]!;
      while (performance.now() < deadline && sent < plan.maxCalls) {
        sent++;
        await once(c);
      }
    }),
  );
  agent.destroy();
  const out: Record<string, MethodReport> = {};
  for (const [method, s] of stats) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    out[method] = {
      calls: s.ms.length + s.errors,
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      p99: pct(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      errors: s.errors - s.timeouts,
      timeouts: s.timeouts,
      non2xx: s.non2xx,
    };
  }
  return out;
}

const arg = process.argv[2];
if (arg) process.stdout.write(JSON.stringify(await main(JSON.parse(arg) as LoadPlan)));
