import { describe, expect, it } from 'vitest';
import {
  createDispatcher,
  errorMessage,
  ipcChannel,
  LabError,
  LAB_METHOD_NAMES,
  type LabHandlers,
} from '../../../core/api';
import { bindIpc } from '../../../main/ipc/bind-ipc';
import { createIpcClient } from '../../../preload/ipc-client';
import { createIpcPair, exposeLike } from '../../contract/ipc-pair';
import { receiveLabClient } from '../../../renderer/src/api/receive';

const handlers = {
  health: async () => ({ ok: true, version: '1', uptimeMs: 0, database: null, mode: 'test' as const }),
} as unknown as LabHandlers;

describe('the IPC binding', () => {
  it('registers one channel per contract method, derived from its name', () => {
    const pair = createIpcPair();
    bindIpc(pair.ipcMain, createDispatcher(handlers), 'gradlab://app');
    expect([...pair.handlers.keys()].sort()).toEqual(LAB_METHOD_NAMES.map(ipcChannel).sort());
  });

  it('refuses messages from a sub-frame or another origin before any handler runs', async () => {
    for (const frame of [{ url: 'gradlab://app/', parent: {} }, { url: 'https://evil.example/', parent: null }, null]) {
      const pair = createIpcPair(frame);
      bindIpc(pair.ipcMain, createDispatcher(handlers), 'gradlab://app');
      const client = createIpcClient(pair.ipcRenderer);
      await expect(client.health({})).rejects.toMatchObject({ code: 'unauthorized' });
    }
  });

  it('exposes one function per method and an event subscription, nothing generic', () => {
    const client = createIpcClient(createIpcPair().ipcRenderer);
    expect(Object.keys(client).sort()).toEqual([...LAB_METHOD_NAMES, 'onEvent'].sort());
    expect(client).not.toHaveProperty('invoke');
    expect(client).not.toHaveProperty('send');
  });

  it('rejects with the error as data for the bridge, which the page turns back into a LabError', async () => {
    const pair = createIpcPair({ url: 'https://evil.example/', parent: null });
    bindIpc(pair.ipcMain, createDispatcher(handlers), 'gradlab://app');
    const preload = createIpcClient(pair.ipcRenderer, { plainErrors: true });
    // Across the contextBridge an Error would keep only its message: the preload hands over its fields.
    const data = await preload.health({}).catch((x: unknown) => x);
    expect(data).not.toBeInstanceOf(Error);
    expect(data).toMatchObject({ code: 'unauthorized' });
    const e = await receiveLabClient(exposeLike(preload))
      .health({})
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LabError);
    expect(e).toMatchObject({ name: 'LabError', code: 'unauthorized', issues: [] });
    expect(errorMessage(e)).toBe("Refused health: the message did not come from the lab's own window");
  });

  it('an Error sent bare over the bridge would lose its code: the reason the preload sends data', async () => {
    const bridged = exposeLike({ fail: async () => Promise.reject(new LabError('not_found', 'No run r1')) });
    const e = await bridged.fail().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toHaveProperty('code');
  });
});
