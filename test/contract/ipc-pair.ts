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
