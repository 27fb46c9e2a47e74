/** Browser mode refuses calls without the token, with a foreign Host (DNS rebinding) or from another Origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createDispatcher, TOKEN_HEADER } from '../../../core/api';
import { createLab, type Lab } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import { startLabServer, type LabServer } from '../../../main/http/server';

let lab: Lab;
let server: LabServer;
const staticDir = mkdtempSync(join(tmpdir(), 'gradlab-static-'));

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  lab = createLab({ mode: 'test', version: '0.0.0-test', launcher: forkLauncher(), databasePath: null });
  server = await startLabServer({ dispatch: createDispatcher(lab.handlers), subscribe: lab.subscribe, staticDir });
});
afterAll(async () => {
  await server.close();
  await lab.close();
});

/** A raw HTTP request, so the test controls every header (fetch would fix Host and Origin itself). */
function raw(
  path: string,
  headers: Record<string, string>,
  method = 'POST',
  body = '{}',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (method === 'POST') req.end(body);
    else req.end();
  });
}

const host = () => `127.0.0.1:${server.port}`;

describe('browser mode guards', () => {
  it('accepts a call with the token, the loopback Host and no Origin (a script)', async () => {
    const r = await raw('/api/health', { host: host(), [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { ok: true } });
  });

  it("accepts the lab page's own origin, by either loopback name", async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const r = await raw('/api/health', {
        host: `${name}:${server.port}`,
        origin: `http://${name}:${server.port}`,
        [TOKEN_HEADER]: server.token,
      });
      expect(r.status).toBe(200);
    }
  });

  it('refuses a call without the token', async () => {
    const r = await raw('/api/health', { host: host() });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Refused: missing or wrong session token' },
    });
  });

  it('refuses a call with a wrong token', async () => {
    const r = await raw('/api/health', {
      host: host(),
      [TOKEN_HEADER]: server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A'),
    });
    expect(r.status).toBe(401);
  });

  it('refuses a wrong Host even with the token (DNS rebinding)', async () => {
    const r = await raw('/api/health', { host: `evil.example:${server.port}`, [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(403);
    expect(r.body).toContain('Host "evil.example');
  });

  it('refuses another Origin even with the token (another local page)', async () => {
    const r = await raw('/api/health', { host: host(), origin: 'http://127.0.0.1:1', [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(403);
    expect(r.body).toContain('origin "http://127.0.0.1:1"');
  });

  it('answers an unknown method with not_found', async () => {
    const r = await raw('/api/noSuchMethod', { host: host(), [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).error).toEqual({
      code: 'not_found',
      message: 'Unknown method "noSuchMethod"',
      text: { id: 'api.unknownMethod', values: { method: 'noSuchMethod' } },
    });
  });

  it('answers a body that is not JSON with invalid_argument', async () => {
    const r = await raw('/api/health', { host: host(), [TOKEN_HEADER]: server.token }, 'POST', '{nope');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('invalid_argument');
  });

  it('serves the page only with the token, injecting it for the page, with a strict CSP', async () => {
    expect((await raw('/', { host: host() }, 'GET')).status).toBe(401);
    const page = await raw(`/?token=${server.token}`, { host: host() }, 'GET');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="gradlab-token" content="${server.token}">`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves built assets but nothing outside the build folder', async () => {
    expect((await raw('/assets/app.js', { host: host() }, 'GET')).status).toBe(200);
    expect((await raw('/assets/../../etc/passwd', { host: host() }, 'GET')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd', { host: host() }, 'GET')).status).toBe(404);
  });

  it('opens the event socket only with the token and the right Host and Origin', async () => {
    const attempt = (url: string, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', () => resolve('error'));
      });
    const base = `ws://127.0.0.1:${server.port}/api/events`;
    expect(await attempt(`${base}?token=${server.token}`)).toBe('open');
    expect(await attempt(base)).toBe('401');
    expect(await attempt(`${base}?token=${server.token}`, { origin: 'http://evil.example' })).toBe('403');
    expect(await attempt(`${base}?token=${server.token}`, { host: 'evil.example' })).toBe('403');
  });
});
