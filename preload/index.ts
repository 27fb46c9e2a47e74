// The desktop preload: exposes window.lab and nothing else (no ipcRenderer, no process, no generic invoke).
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcClient } from './ipc-client';

contextBridge.exposeInMainWorld('lab', createIpcClient(ipcRenderer, { plainErrors: true }));
