import type { IpcMainInvokeEvent } from 'electron';
import { isOwnAppUrl } from './app-url';

/**
 * True when an IPC message comes from the top frame of one of our windows showing the app's own page
 * (Electron security checklist 17, "Validate the sender of all IPC messages"; GitHub Desktop trusted-ipc-sender.ts).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trustedContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (!trustedContentsIds.has(event.sender.id)) return false;
  // A sub-frame has a parent; only the page itself may call the API.
  if (frame.parent !== null) return false;
  return isOwnAppUrl(frame.url);
}
