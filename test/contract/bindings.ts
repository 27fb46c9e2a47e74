/** The two real bindings of one Lab, each giving a LabClient: IPC (in-memory pair) and HTTP (real server). */
import WebSocket from 'ws';
import { errorMessage } from '../../core/api/errors';
import { createDispatcher, IPC_EVENT_CHANNEL, type LabClient, type LabEvent, type LabHandlers } from '../../core/api';
import { bindIpc } from '../../main/ipc/bind-ipc';
import { createIpcClient } from '../../preload/ipc-client';
import { startLabServer } from '../../main/http/server';
import { createHttpClient, type WebSocketLike } from '../../renderer/src/api/http';
import { receiveLabClient } from '../../renderer/src/api/receive';
import { createIpcPair, exposeLike } from './ipc-pair';

export interface Binding {
  name: 'ipc' | 'http';
  client: LabClient;
  close(): Promise<void>;
}

type Subscribe = (listener: (event: LabEvent) => void) => () => void;

export function ipcBinding(handlers: LabHandlers, subscribe: Subscribe): Binding {
  const pair = createIpcPair();
  const unbind = bindIpc(pair.ipcMain, createDispatcher(handlers, { checkResults: true }), 'gradlab://app');
  const unsubscribe = subscribe((e) => pair.send(IPC_EVENT_CHANNEL, e));
  return {
    name: 'ipc',
    // The desktop path as the window sees it: preload client, contextBridge copy, the page's receiving end.
    client: receiveLabClient(exposeLike(createIpcClient(pair.ipcRenderer, { plainErrors: true }))),
    close: async () => {
      unsubscribe();
      unbind();
    },
  };
}

export async function httpBinding(handlers: LabHandlers, subscribe: Subscribe): Promise<Binding> {
  const server = await startLabServer({
    dispatch: createDispatcher(handlers, { checkResults: true }),
    subscribe,
    staticDir: null,
  });
  const client = createHttpClient({
    baseUrl: `http://127.0.0.1:${server.port}`,
    token: server.token,
    WebSocket: WebSocket as unknown as new (url: string) => WebSocketLike,
  });
  return { name: 'http', client, close: () => server.close() };
}

/** A rejected call as the fields a caller can rely on, whatever the transport. */
export async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; code: string; message: string; issues: unknown; text?: unknown };
    return {
      name: err.name,
      code: err.code,
      message: err.message,
      issues: err.issues,
      text: err.text,
      isError: e instanceof Error,
      shown: errorMessage(e),
    };
  }
  throw new Error('expected the call to fail');
}
