/**
 * window.lab over IPC: one function per contract method (never a generic invoke), plus the event
 * subscription. Written against the part of ipcRenderer it uses so tests can run it without Electron.
 */
import {
  IPC_EVENT_CHANNEL,
  LAB_METHOD_NAMES,
  ipcChannel,
  unwrap,
  type Envelope,
  type LabClient,
  type LabEvent,
  type LabEventListener,
  type LabMethodName,
} from '../core/api';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface IpcClientOptions {
  /**
   * Reject with a plain `{ name, code, message, issues }` object instead of a LabError: across Electron's
   * contextBridge an Error keeps only its message, a plain object keeps every field. The page's end
   * (renderer/src/api/receive.ts) turns it back into a LabError, so callers never see the plain object.
   */
  plainErrors?: boolean;
}

export function createIpcClient(ipc: IpcRendererLike, options: IpcClientOptions = {}): LabClient {
  const call = async (method: LabMethodName, args: unknown): Promise<unknown> => {
    const envelope = (await ipc.invoke(ipcChannel(method), args ?? {})) as Envelope<unknown>;
    if (!envelope.ok && options.plainErrors) throw { name: 'LabError', ...envelope.error };
    return unwrap(envelope);
  };
  const methods = Object.fromEntries(LAB_METHOD_NAMES.map((method) => [method, (args: unknown) => call(method, args)]));
  const onEvent = (listener: LabEventListener): (() => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as LabEvent);
    ipc.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  };
  return { ...methods, onEvent } as LabClient;
}
