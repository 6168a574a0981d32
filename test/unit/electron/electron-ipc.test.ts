import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { Dispatch } from '../../../main/api/dispatch';
import { FakeWebContents } from './fake-web-contents';

type InvokeHandler = (event: unknown, request: unknown) => Promise<unknown>;
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, h: (event: unknown, request: unknown) => Promise<unknown>) => void handlers.set(channel, h)),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

import { APP_ENTRY_URL } from '../../../main/electron/app-url';
import { registerApiIpc, UNTRUSTED_SENDER_RESULT } from '../../../main/electron/ipc';

interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

const topFrame = (url: string): FakeFrame => ({ url, parent: null });
const request = { channel: 'app.info', input: {} };

function setup() {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
  const emits: Array<(e: never) => void> = [];
  const registration = registerApiIpc((emit) => {
    emits.push(emit);
    return dispatch;
  });
  const handler = electron.handlers.get('wizard:invoke') as InvokeHandler;
  const window = new FakeWebContents(7);
  registration.trust(window as unknown as WebContents);
  return { dispatch, emits, registration, handler, window };
}

describe('registerApiIpc', () => {
  beforeEach(() => {
    electron.handlers.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('registers exactly one handler, on the invoke channel', () => {
    setup();
    expect([...electron.handlers.keys()]).toEqual(['wizard:invoke']);
  });

  it('passes a call from the app page of a trusted window to the dispatcher', async () => {
    const { handler, window, dispatch } = setup();
    await expect(handler({ sender: window, senderFrame: topFrame(APP_ENTRY_URL) }, request)).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith(request);
  });

  it.each([
    ['a foreign page in our window', () => topFrame('https://evil.example/')],
    ['a file:// page in our window', () => topFrame('file:///tmp/index.html')],
    ['a sub-frame of the app page', () => ({ url: APP_ENTRY_URL, parent: topFrame(APP_ENTRY_URL) })],
    ['a frame that is already gone', () => null],
  ])('refuses %s without calling the dispatcher', async (_name, frame) => {
    const { handler, window, dispatch } = setup();
    await expect(handler({ sender: window, senderFrame: frame() }, request)).resolves.toEqual(UNTRUSTED_SENDER_RESULT);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses the app page in a web contents that is not one of our windows', async () => {
    const { handler, dispatch } = setup();
    const stranger = new FakeWebContents(99);
    await expect(handler({ sender: stranger, senderFrame: topFrame(APP_ENTRY_URL) }, request)).resolves.toEqual(UNTRUSTED_SENDER_RESULT);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('forgets a window once its contents is destroyed', async () => {
    const { handler, window, dispatch } = setup();
    window.destroyed = true;
    window.emit('destroyed');
    await expect(handler({ sender: window, senderFrame: topFrame(APP_ENTRY_URL) }, request)).resolves.toEqual(UNTRUSTED_SENDER_RESULT);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sends progress events to the window that made the call, and not after it is gone', async () => {
    const { handler, window, emits } = setup();
    await handler({ sender: window, senderFrame: topFrame(APP_ENTRY_URL) }, request);
    const event = { type: 'progress', operationId: 'op-1', message: 'Working', elapsedMs: 1 } as never;
    emits[0]?.(event);
    expect(window.send.mock.calls).toEqual([['wizard:event', event]]);
    window.destroyed = true;
    emits[0]?.(event);
    expect(window.send).toHaveBeenCalledOnce();
  });

  it('dispose removes the handler', () => {
    const { registration } = setup();
    registration.dispose();
    expect(electron.handlers.size).toBe(0);
  });
});
