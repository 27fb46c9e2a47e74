/**
 * An in-memory stand-in for ipcMain/ipcRenderer: the real binding code on both sides, with structured clone
 * between them as Electron does, and the sender frame the test chooses.
 */
import type { IpcMainLike, IpcInvokeEventLike, SenderFrameLike } from '../../main/ipc/bind-ipc';
import type { IpcRendererLike } from '../../preload/ipc-client';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: unknown, ...args: unknown[]) => void;

export function createIpcPair(frame: SenderFrameLike | null = { url: 'gradlab://app/', parent: null }) {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const h = handlers.get(channel);
      if (!h) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await h({ senderFrame: frame }, ...args.map((a) => structuredClone(a))));
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  /** What main does with webContents.send. */
  const send = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({}, structuredClone(payload));
  };
  return { ipcMain, ipcRenderer, send, handlers };
}

/**
 * What Electron's contextBridge.exposeInMainWorld hands the page: a copy of the object whose functions copy
 * their arguments and results, and whose rejected Errors arrive as a bare Error with the message only ("any
 * custom properties on the Error object will be lost", Electron's docs); a rejected plain object is copied.
 */
export function exposeLike<T extends object>(api: T): T {
  const copy = (v: unknown): unknown => (typeof v === 'function' ? v : structuredClone(v));
  const bridged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (typeof value !== 'function') continue;
    bridged[key] = (...args: unknown[]) => {
      const out = (value as (...a: unknown[]) => unknown)(
        ...args.map((a) => (typeof a === 'function' ? (...x: unknown[]) => a(...x.map(copy)) : copy(a))),
      );
      if (out instanceof Promise) {
        return out.then(copy, (e: unknown) => Promise.reject(e instanceof Error ? new Error(e.message) : copy(e)));
      }
      return out;
    };
  }
  return bridged as T;
}
