/**
 * The Electron binding of the contract, written against the small part of ipcMain it uses so the same code
 * runs in tests with an in-memory pair. One handler per contract method, each behind the sender check.
 */
import { originOf } from '../origin';
import { LAB_METHOD_NAMES, ipcChannel, type Dispatch, type Envelope } from '../../core/api';

/** The frame that sent a message, as Electron's IpcMainInvokeEvent.senderFrame describes it. */
export interface SenderFrameLike {
  url: string;
  /** null for a main frame. */
  parent: unknown;
}

export interface IpcInvokeEventLike {
  senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Main frame of our own origin only, as VS Code's validated IPC does: no iframe, no navigated-away page. */
export function isTrustedSender(frame: SenderFrameLike | null, trustedOrigin: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return originOf(frame.url) === trustedOrigin;
}

export function bindIpc(ipcMain: IpcMainLike, dispatch: Dispatch, trustedOrigin: string): () => void {
  for (const method of LAB_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, args): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame, trustedOrigin)) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: `Refused ${method}: the message did not come from the lab's own window`,
          },
        };
      }
      return dispatch(method, args);
    });
  }
  return () => LAB_METHOD_NAMES.forEach((m) => ipcMain.removeHandler(ipcChannel(m)));
}
