/**
 * Browser mode: the built renderer and the LabApi on 127.0.0.1 only. Calls are POST /api/<method> with the
 * session token in a header; events stream over a WebSocket at /api/events. Every request passes the Host
 * and Origin guards first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import '../../core/api/node-base64';
import {
  HTTP_EVENTS_PATH,
  MAX_BUNDLE_BYTES,
  TOKEN_HEADER,
  fromWire,
  toWire,
  type Dispatch,
  type Envelope,
  type ErrorCode,
  type LabEvent,
} from '../../core/api';
import { checkHostAndOrigin, tokenMatches } from './guards';
import { readStatic } from './static-files';
import { contentSecurityPolicy } from '../csp';

export interface LabServerOptions {
  dispatch: Dispatch;
  subscribe: (listener: (event: LabEvent) => void) => () => void;
  /** Folder of the built renderer (index.html + assets); null serves the API only. */
  staticDir: string | null;
  port?: number;
  token?: string;
  /** Largest request body accepted; the default takes the largest bundle, which travels as base64. */
  maxBodyBytes?: number;
}

export interface LabServer {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

/** importBundle's largest bytes as base64 (4 characters per 3 bytes), plus room for the JSON around them. */
export const DEFAULT_MAX_BODY_BYTES = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      sendText(res, 500, `Internal error: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment gets ECONNRESET on a
  // POST it must not retry. Idle sockets stay longer than any client pool keeps them (browsers: ~60 s or less).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const sockets = new Set<WebSocket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res, port);
    const guard = checkHostAndOrigin(req, port);
    if (!guard.ok) return sendText(res, guard.status, guard.message);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for API calls');
      if (!tokenMatches(headerValue(req, TOKEN_HEADER), token)) {
        return sendEnvelope(res, {
          ok: false,
          error: { code: 'unauthorized', message: 'Refused: missing or wrong session token' },
        });
      }
      const method = url.pathname.slice('/api/'.length);
      let args: unknown;
      try {
        const body = await readBody(req, maxBody);
        args = body.length ? fromWire(body) : {};
      } catch (e) {
        const message =
          e instanceof BodyTooLarge
            ? e.message
            : e instanceof RangeError
              ? 'Request body is nested too deeply to read.'
              : `Request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`;
        if (e instanceof BodyTooLarge) res.setHeader('Connection', 'close');
        return sendEnvelope(
          res,
          { ok: false, error: { code: 'invalid_argument', message, issues: [{ path: '', message }] } },
          e instanceof BodyTooLarge ? 413 : undefined,
        );
      }
      return sendEnvelope(res, await options.dispatch(method, args));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (!options.staticDir) return sendText(res, 404, 'This lab serves the API only');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return sendText(res, 401, "Open the address that `gradlab serve` printed: it carries this session's token.");
      }
      const html = await readFile(join(options.staticDir, 'index.html'), 'utf8');
      res.setHeader('Cache-Control', 'no-store');
      return sendBody(res, 200, 'text/html; charset=utf-8', Buffer.from(injectToken(html, token)));
    }
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) return sendText(res, 404, 'Not found');
    return sendBody(res, 200, file.mime, file.body);
  }

  server.on('upgrade', (req, socket, head) => {
    const guard = checkHostAndOrigin(req, port);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refuse = (status: number, message: string) => {
      socket.end(`HTTP/1.1 ${status} ${message.replace(/[\r\n]/g, ' ')}\r\nConnection: close\r\n\r\n`);
    };
    if (!guard.ok) return refuse(guard.status, guard.message);
    if (url.pathname !== HTTP_EVENTS_PATH) return refuse(404, 'Not found');
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(401, 'Missing or wrong session token');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // A client's bad frame (e.g. over maxPayload) closes its socket; unheard, the error would end the process.
      ws.on('error', () => ws.terminate());
    });
  });

  const unsubscribe = options.subscribe((event) => {
    const text = toWire(event);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setCommonHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The page's address carries the token: never send it on.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function injectToken(html: string, token: string): string {
  return html.replace('</head>', `<meta name="gradlab-token" content="${token}"></head>`);
}

class BodyTooLarge extends Error {}

/** Past `max` bytes the rest is read and dropped, so the caller still gets its answer (413) on this socket. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (over) return;
      if (size > max) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge(`Request body is larger than the ${max} bytes a call may send.`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>, statusOverride?: number): void {
  const status = statusOverride ?? (envelope.ok ? 200 : STATUS[envelope.error.code]);
  sendBody(res, status, 'application/json; charset=utf-8', Buffer.from(toWire(envelope)));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  sendBody(res, status, 'text/plain; charset=utf-8', Buffer.from(text + '\n'));
}

function sendBody(res: ServerResponse, status: number, mime: string, body: Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', mime);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
