/**
 * window.lab in browser mode: the same LabClient as the desktop preload, over fetch (calls) and a WebSocket
 * (events). Runs in the page and in Node tests alike (both constructors are injectable).
 */
import { HTTP_EVENTS_PATH, TOKEN_HEADER, httpRoute } from '../../../core/shared/channels';
import { fromWire, toWire } from '../../../core/shared/wire';
import { LAB_METHOD_NAMES, type LabMethodName } from '../../../core/shared/methods';
import { LabError } from '../../../core/shared/errors';
import type { Envelope, LabClient, LabEvent, LabEventListener } from '../../../core/api';

export interface HttpClientOptions {
  /** e.g. http://127.0.0.1:5173 */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  WebSocket?: new (url: string) => WebSocketLike;
}

export interface WebSocketLike {
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onopen: ((ev: unknown) => void) | null;
  close(): void;
}

export function createHttpClient(options: HttpClientOptions): LabClient {
  const doFetch = options.fetch ?? fetch;
  const call = async (method: LabMethodName, args: unknown): Promise<unknown> => {
    const res = await doFetch(options.baseUrl + httpRoute(method), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
      body: toWire(args ?? {}),
    });
    const text = await res.text();
    let envelope: Envelope<unknown>;
    try {
      envelope = fromWire(text) as Envelope<unknown>;
    } catch {
      throw new LabError('unavailable', `The lab answered ${res.status}: ${text.slice(0, 200)}`);
    }
    if (envelope.ok) return envelope.result;
    // The same LabError the desktop window rebuilds from the preload's data (renderer/src/api/receive.ts).
    throw LabError.fromData(envelope.error);
  };

  const listeners = new Set<LabEventListener>();
  let socket: WebSocketLike | null = null;
  let retryMs = 250;
  const connect = (): void => {
    const Ws = options.WebSocket ?? (globalThis.WebSocket as unknown as new (url: string) => WebSocketLike);
    const wsUrl =
      options.baseUrl.replace(/^http/, 'ws') + `${HTTP_EVENTS_PATH}?token=${encodeURIComponent(options.token)}`;
    const ws = new Ws(wsUrl);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
    };
    ws.onmessage = (ev) => {
      const event = fromWire(String(ev.data)) as LabEvent;
      for (const l of listeners) l(event);
    };
    ws.onclose = () => {
      socket = null;
      // Reconnect while anyone listens: a restarted lab host comes back without a page reload.
      if (listeners.size) setTimeout(connect, (retryMs = Math.min(retryMs * 2, 5000)));
    };
  };

  const onEvent = (listener: LabEventListener): (() => void) => {
    listeners.add(listener);
    if (!socket) connect();
    return () => {
      listeners.delete(listener);
      if (!listeners.size && socket) {
        const s = socket;
        socket = null;
        s.onclose = null;
        s.close();
      }
    };
  };

  // One function per name of the contract's plain list (core/shared/methods.ts): a name the contract lacks
  // cannot be called, and the list is checked against the contract at compile time.
  const methods = Object.fromEntries(LAB_METHOD_NAMES.map((name) => [name, (args: unknown) => call(name, args)]));
  return { ...methods, onEvent } as LabClient;
}
