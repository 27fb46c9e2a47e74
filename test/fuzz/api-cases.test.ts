/**
 * Counter-examples the fuzzer found (shrunk) and the limits, each with the exact answer it must get over
 * the real HTTP server, the database unchanged: test/fixtures/fuzz/api-cases.json. `r1` in a body stands for
 * a stored run's id; `DEEP` for a spec nested 20,000 arrays deep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createDispatcher, HTTP_EVENTS_PATH } from '../../core/api';
import { startLabServer } from '../../main/http/server';
import { startFuzzLab, type FuzzLab } from './harness';

interface Case {
  name: string;
  method: string;
  body: string;
  status: number;
  error?: { code: string; message: string; issues?: { path: string; message: string }[]; text?: unknown };
  result?: unknown;
}
const CASES = JSON.parse(readFileSync(join(__dirname, '../fixtures/fuzz/api-cases.json'), 'utf8')) as Case[];

let f: FuzzLab;
beforeAll(async () => {
  f = await startFuzzLab();
});
afterAll(async () => {
  await f?.close();
});

describe('fuzz counter-examples and limits (fixtures)', () => {
  for (const c of CASES) {
    it(`${c.method}: ${c.name}`, async () => {
      const body =
        c.body === 'DEEP'
          ? `{"spec":${'['.repeat(20_000)}1${']'.repeat(20_000)}}`
          : c.body.replaceAll('r1', f.runIds[0]);
      const before = f.checksum();
      const reply = await f.call(c.method, body);
      expect(reply.status).toBe(c.status);
      if (c.error) expect(reply.envelope).toEqual({ ok: false, error: c.error });
      else expect(reply.envelope).toEqual({ ok: true, result: c.result });
      expect(f.checksum()).toBe(before);
    });
  }

  it('a body over the limit is answered 413 with an envelope, and the server goes on', async () => {
    const server = await startLabServer({
      dispatch: createDispatcher(f.lab.handlers),
      subscribe: f.lab.subscribe,
      staticDir: null,
      maxBodyBytes: 1024,
    });
    try {
      const post = (body: string) =>
        fetch(`http://127.0.0.1:${server.port}/api/listRuns`, {
          method: 'POST',
          headers: { 'x-gradlab-token': server.token },
          body,
        });
      const res = await post(JSON.stringify({ text: 'x'.repeat(100_000) }));
      expect(res.status).toBe(413);
      const message = 'Request body is larger than the 1024 bytes a call may send.';
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'invalid_argument', message, issues: [{ path: '', message }] },
      });
      expect((await post('{}')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a WebSocket message over 1 MiB closes that socket (1009) and leaves the server answering', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${f.server.port}${HTTP_EVENTS_PATH}?token=${f.server.token}`, {
      headers: { origin: `http://127.0.0.1:${f.server.port}` },
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.alloc(2 * 1024 * 1024, 1));
    expect(await closed).toBe(1009);
    expect((await f.call('health', '{}')).envelope.ok).toBe(true);
  });
});
