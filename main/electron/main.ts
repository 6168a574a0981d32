import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createDispatcher } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { Workspace } from '../api/workspace';
import { APP_ENTRY_URL } from './app-url';
import { withCspHeader } from './csp';
import { registerApiIpc, type ApiIpcRegistration } from './ipc';
import { guardNavigation } from './navigation';
import { denyPermissions } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { systemProxyResolver } from './system-proxy';
import { buildWindowOptions } from './window-options';

// Where main modules keep backups and saved setups (docs/ARCHITECTURE.md#data-on-disk); Electron's per-user directory by default.
const DATA_DIR_ENV = 'SQS_S3_WIZARD_DATA_DIR';

// Bundled layout: dist/main/electron-main.cjs, dist/preload/electron-preload.cjs, dist/renderer/index.html.
const preloadPath = join(__dirname, '..', 'preload', 'electron-preload.cjs');
const rendererDir = join(__dirname, '..', 'renderer');

function createWindow(ipc: ApiIpcRegistration): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(preloadPath, !app.isPackaged));
  ipc.trust(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error(`Could not load the wizard page: ${String(err)}`));
  return window;
}

function start(): void {
  // Before ready: a privileged scheme can only be declared then.
  registerAppScheme();

  // One running wizard per user: a second launch focuses the first window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // Every web contents the app ever gets (windows, frames) is guarded, not only the ones created here.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      // A data directory chosen by the caller (tests, admins) wins over the per-user default.
      process.env[DATA_DIR_ENV] ??= app.getPath('userData');
      const ses = session.defaultSession;
      denyPermissions(ses);
      ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCspHeader(details.responseHeaders) }));
      serveRenderer(ses, rendererDir);
      // With no proxy variable set, AWS calls go where the system proxy settings (PAC included) send them.
      const workspace = () => new Workspace(process.env, { systemProxy: systemProxyResolver(ses) });
      const ipc = registerApiIpc((emit) => createDispatcher({ handlers, workspace: workspace(), frontEnd: 'electron', emit }));
      window = createWindow(ipc);
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) window = createWindow(ipc);
      });
    })
    .catch((err: unknown) => {
      console.error(`The wizard could not start: ${String(err)}`);
      app.exit(1);
    });
}

start();
