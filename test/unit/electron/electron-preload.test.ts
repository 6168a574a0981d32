import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: {} })), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('electron-preload', () => {
  let exposed: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../../main/electron/preload/preload');
    exposed = Object.fromEntries(electron.contextBridge.exposeInMainWorld.mock.calls.map(([key, value]) => [key as string, value]));
  });

  it('exposes exactly one global, wizardApi, with exactly invoke and onEvent (checklist 20)', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(exposed)).toEqual(['wizardApi']);
    const api = exposed['wizardApi'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('invoke sends one request envelope on the one invoke channel', async () => {
    const api = exposed['wizardApi'] as { invoke: (c: string, i: unknown, o?: string) => Promise<unknown> };
    await expect(api.invoke('app.info', {})).resolves.toEqual({ ok: true, value: {} });
    await api.invoke('operation.cancel', { operationId: 'op-1' }, 'op-2');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['wizard:invoke', { channel: 'app.info', input: {} }],
      ['wizard:invoke', { channel: 'operation.cancel', input: { operationId: 'op-1' }, operationId: 'op-2' }],
    ]);
  });

  it('onEvent passes the payload only (never the IPC event) and unsubscribes', () => {
    const api = exposed['wizardApi'] as { onEvent: (l: (e: unknown) => void) => () => void };
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.at(-1) as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe('wizard:event');
    const payload = { type: 'progress', operationId: 'op-1', message: 'Reading the queue policy', elapsedMs: 5 };
    forward({ sender: 'the-ipc-renderer' }, payload);
    expect(listener.mock.calls).toEqual([[payload]]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('wizard:event', forward);
  });

  it('never sends on any other channel', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    const channels = new Set([...electron.ipcRenderer.invoke.mock.calls, ...electron.ipcRenderer.on.mock.calls].map((c) => c[0]));
    expect([...channels].every((c) => c === 'wizard:invoke' || c === 'wizard:event')).toBe(true);
  });
});
