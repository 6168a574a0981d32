import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../main/electron/app-url';
import { denyPermissions } from '../../../main/electron/permissions';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

function installed() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {};
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    setDevicePermissionHandler: (h: () => boolean) => (handlers.device = h),
  };
  denyPermissions(session as unknown as Session);
  return handlers;
}

function request(handler: RequestHandler | undefined, permission: string, requestingUrl: string): boolean {
  const callback = vi.fn();
  handler?.({}, permission, callback, { requestingUrl });
  expect(callback).toHaveBeenCalledOnce();
  return callback.mock.calls[0]?.[0] as boolean;
}

describe('denyPermissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'])(
    'denies a %s request, even from the app itself',
    (permission) => {
      const { request: handler } = installed();
      expect(request(handler, permission, APP_ENTRY_URL)).toBe(false);
    },
  );

  it('denies permission checks, and device access always', () => {
    const { check, device } = installed();
    expect(check?.({}, 'media', APP_ORIGIN)).toBe(false);
    expect(check?.({}, 'clipboard-read', APP_ORIGIN)).toBe(false);
    expect(device?.()).toBe(false);
  });

  it("lets only the app's own page write text to the clipboard (its Copy buttons)", () => {
    const { request: handler, check } = installed();
    expect(request(handler, 'clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(request(handler, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check?.({}, 'clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(check?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});
