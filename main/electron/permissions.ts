import type { Session } from 'electron';
import { isOwnAppUrl } from './app-url';

/** Permissions the wizard itself uses: its Copy buttons write plain text to the clipboard. */
const NEEDED_PERMISSIONS: ReadonlyArray<string> = ['clipboard-sanitized-write'];

/** True only for a permission the wizard needs, asked for by the app's own page (checklist 5). */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return NEEDED_PERMISSIONS.includes(permission) && isOwnAppUrl(requestingUrl);
}

/**
 * Answers every permission request and check of the session: denied unless isPermissionAllowed
 * (Electron security checklist 5, "Handle session permission requests from remote content"); device access
 * (USB, HID, serial, Bluetooth) is always denied.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
