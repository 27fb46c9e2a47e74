/**
 * Who may talk to the lab in browser mode: only pages and scripts on this machine that know the session
 * token, addressed by a loopback name (no DNS rebinding), and, when a browser says where it comes from,
 * only from the lab's own origin (no other local page driving the lab).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardResult {
  ok: boolean;
  status: number;
  message: string;
}

const OK: GuardResult = { ok: true, status: 200, message: '' };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardResult {
  const hosts = allowedHosts(port);
  const host = req.headers.host ?? '';
  if (!hosts.includes(host)) {
    return {
      ok: false,
      status: 403,
      message: `Refused: Host "${host}" is not this lab (expected ${hosts.join(' or ')})`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.map((h) => `http://${h}`).includes(origin)) {
    return { ok: false, status: 403, message: `Refused: requests from origin "${origin}" may not drive this lab` };
  }
  return OK;
}

export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
