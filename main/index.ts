/**
 * The desktop shell: one instance, one hardened window on gradlab://app/, the LabApi over validated IPC.
 * Everything else (engine, store, figures) is plain modules that also run in browser mode and the CLI.
 */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher, IPC_EVENT_CHANNEL } from '../core/api';
import { createLab } from '../core/lab/lab';
import { bindIpc } from './ipc/bind-ipc';
import { labWindowOptions } from './electron/window-options';
import { hardenSession, hardenWebContents, isVettedExternalUrl } from './electron/security';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/app-protocol';
import { utilityLauncher } from './electron/utility-launcher';
import { desktopBroker } from './electron/desktop-broker';
import { APP_VERSION } from './version';
import { setFigureFontPath } from '../core/figures';

const here = fileURLToPath(new URL('.', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, APP_ORIGIN, (url) => {
      if (isVettedExternalUrl(url)) void shell.openExternal(url);
    });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    setFigureFontPath(join(here, 'fonts', 'Arimo-Regular.ttf').replace('app.asar', 'app.asar.unpacked'));
    serveRenderer(join(here, '../renderer'));
    const databasePath = process.env.GRADLAB_DB ?? join(app.getPath('userData'), 'lab.db');
    const lab = createLab({
      mode: 'electron',
      version: APP_VERSION,
      launcher: utilityLauncher(join(here, 'engine.js')),
      databasePath,
      broker: desktopBroker(),
    });
    bindIpc(ipcMain, createDispatcher(lab.handlers), APP_ORIGIN);

    window = new BrowserWindow(labWindowOptions(join(here, '../preload/index.cjs')));
    const unsubscribe = lab.subscribe((event) => window?.webContents.send(IPC_EVENT_CHANNEL, event));
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      unsubscribe();
      window = null;
    });
    void window.loadURL(`${APP_ORIGIN}/`);

    app.on('window-all-closed', () => {
      void lab.close().finally(() => app.quit());
    });
  });
}
