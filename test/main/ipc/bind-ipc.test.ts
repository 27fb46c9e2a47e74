import { describe, expect, it } from 'vitest';
import { createDispatcher, ipcChannel, LAB_METHOD_NAMES, type LabHandlers } from '../../../core/api';
import { bindIpc } from '../../../main/ipc/bind-ipc';
import { createIpcClient } from '../../../preload/ipc-client';
import { createIpcPair } from '../../contract/ipc-pair';

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

  it('rejects with plain error objects when asked (they survive the contextBridge)', async () => {
    const pair = createIpcPair({ url: 'https://evil.example/', parent: null });
    bindIpc(pair.ipcMain, createDispatcher(handlers), 'gradlab://app');
    const client = createIpcClient(pair.ipcRenderer, { plainErrors: true });
    const e = await client.health({}).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'LabError', code: 'unauthorized' });
  });
});
