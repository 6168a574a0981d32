import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { FakeWebContents } from './fake-web-contents';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell }));

import { APP_ENTRY_URL } from '../../../main/electron/app-url';
import { guardNavigation } from '../../../main/electron/navigation';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents(1);
  guardNavigation(contents as unknown as WebContents);
  return contents;
}

/** Lets the opener's promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guardNavigation', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  const foreign = ['https://evil.example/', 'file:///etc/passwd', 'app://other-host/index.html', 'javascript:alert(1)', 'about:blank'];
  const cases = [
    ['will-navigate', true],
    ['will-redirect', true],
    ['will-frame-navigate', false],
  ] as const;

  it.each(cases)('%s to a foreign URL is prevented (main frame: %s)', (name, isMainFrame) => {
    const contents = guarded();
    for (const url of foreign) expect(contents.fire(name, url, isMainFrame).preventDefault, url).toHaveBeenCalledOnce();
  });

  it.each(cases)('%s within the app is allowed (main frame: %s)', (name, isMainFrame) => {
    const contents = guarded();
    expect(contents.fire(name, APP_ENTRY_URL, isMainFrame).preventDefault).not.toHaveBeenCalled();
    expect(contents.fire(name, `${APP_ENTRY_URL}#/setups`, isMainFrame).preventDefault).not.toHaveBeenCalled();
  });

  it('opens a clicked allow-listed link once, though Electron reports a top-frame navigation twice', async () => {
    const contents = guarded();
    contents.fire('will-frame-navigate', 'https://github.com/', true);
    contents.fire('will-navigate', 'https://github.com/', true);
    await settle();
    expect(shell.openExternal).toHaveBeenCalledOnce();
  });

  it('never opens the target of a redirect or of a sub-frame outside', async () => {
    const contents = guarded();
    contents.fire('will-redirect', 'https://github.com/');
    contents.fire('will-frame-navigate', 'https://github.com/', false);
    await settle();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('routes a blocked allow-listed https link to the browser, and nothing else', async () => {
    const contents = guarded();
    contents.fire('will-navigate', 'https://docs.aws.amazon.com/sqs/');
    contents.fire('will-navigate', 'https://evil.example/');
    contents.fire('will-navigate', 'file:///etc/passwd');
    await settle();
    expect(shell.openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/sqs/']]);
  });

  it('denies every new window, opening only allow-listed http(s) links outside', async () => {
    const contents = guarded();
    const open = (url: string) =>
      contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
    expect(open('https://github.com/')).toEqual({ action: 'deny' });
    expect(open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    await settle();
    expect(shell.openExternal.mock.calls).toEqual([['https://github.com/']]);
  });

  it('never attaches a <webview>', () => {
    const contents = guarded();
    expect(contents.fire('will-attach-webview', APP_ENTRY_URL).preventDefault).toHaveBeenCalledOnce();
  });
});
