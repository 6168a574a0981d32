import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const windows: Array<{ options: unknown; loaded: string[]; webContents: { id: number; once: () => void }; on: () => void; once: () => void }> = [];
  class BrowserWindow {
    readonly loaded: string[] = [];
    readonly webContents = { id: 1, once: () => undefined };
    constructor(readonly options: unknown) {
      order.push('window');
      windows.push(this);
    }
    static getAllWindows = () => windows;
    on(): void {}
    once(): void {}
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
  }
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
    protocol: { handle: vi.fn() },
    resolveProxy: vi.fn(async () => 'PROXY pac-proxy.corp:8080; DIRECT'),
  };
  return {
    order,
    appListeners,
    markReady: () => markReady(),
    windows,
    module: {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: vi.fn(() => true),
        on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
          appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
        }),
        whenReady: () => ready,
        getPath: vi.fn(() => '/home/admin/.config/sqs-s3-wizard'),
        quit: vi.fn(),
        exit: vi.fn(),
      },
      BrowserWindow,
      session: { defaultSession: session },
      protocol: { registerSchemesAsPrivileged: vi.fn(() => void order.push('scheme')) },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => electron.module);
// The shell's wiring is under test here, not the handlers behind it: one stand-in handler reports the workspace's system proxy.
vi.mock('../../../main/api/handlers', () => ({
  handlers: {
    'profiles.list': async (_input: unknown, ctx: { workspace: { systemProxy(): ((url: string) => Promise<string>) | null } }) => ({
      systemProxy: await ctx.workspace.systemProxy()?.('https://sts.us-east-1.amazonaws.com/'),
    }),
  },
}));

const { app, protocol, ipcMain, session } = electron.module;
const ses = session.defaultSession;
const savedDataDir = process.env['SQS_S3_WIZARD_DATA_DIR'];

describe('electron-main', () => {
  beforeAll(async () => {
    delete process.env['SQS_S3_WIZARD_DATA_DIR'];
    await import('../../../main/electron/main');
    electron.markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  afterAll(() => {
    if (savedDataDir === undefined) delete process.env['SQS_S3_WIZARD_DATA_DIR'];
    else process.env['SQS_S3_WIZARD_DATA_DIR'] = savedDataDir;
  });

  it('declares the app scheme before the window exists, and takes the single-instance lock', () => {
    expect(electron.order).toEqual(['scheme', 'window']);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
  });

  it('guards every web contents the app gets', () => {
    expect(electron.appListeners.get('web-contents-created')).toHaveLength(1);
  });

  it('answers permissions, sets the CSP header and serves the renderer on the default session', () => {
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const [listener] = ses.webRequest.onHeadersReceived.mock.calls[0] as [(d: unknown, cb: (r: unknown) => void) => void];
    const callback = vi.fn();
    listener({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("default-src 'self'")] } });
  });

  it('registers the one IPC handler', () => {
    expect(ipcMain.handle.mock.calls.map((c) => c[0])).toEqual(['wizard:invoke']);
  });

  it("gives the window's workspace the system proxy of the default session (PAC included)", async () => {
    const [, invoke] = ipcMain.handle.mock.calls[0] as unknown as [string, (event: unknown, request: unknown) => Promise<unknown>];
    const window = electron.windows[0] as unknown as { webContents: unknown };
    const event = { sender: window.webContents, senderFrame: { url: 'app://sqs-s3-wizard/index.html', parent: null } };
    expect(await invoke(event, { channel: 'profiles.list', input: {} })).toEqual({ ok: true, value: { systemProxy: 'PROXY pac-proxy.corp:8080; DIRECT' } });
    expect(ses.resolveProxy).toHaveBeenCalledWith('https://sts.us-east-1.amazonaws.com/');
  });

  it('opens one secure window on the app origin with the bundled preload', () => {
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0] as unknown as { options: { webPreferences: Record<string, unknown> }; loaded: string[] };
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(window.options.webPreferences['preload']).endsWith(join('preload', 'electron-preload.cjs'))).toBe(true);
    expect(window.loaded).toEqual(['app://sqs-s3-wizard/index.html']);
  });

  it('gives the other main modules the per-user data directory', () => {
    expect(process.env['SQS_S3_WIZARD_DATA_DIR']).toBe('/home/admin/.config/sqs-s3-wizard');
  });

  it('quits when the last window closes, except on macOS', () => {
    const [onAllClosed] = electron.appListeners.get('window-all-closed') ?? [];
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      onAllClosed?.();
      expect(app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'linux' });
      onAllClosed?.();
      expect(app.quit).toHaveBeenCalledOnce();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });
});
