import type { Event, WebContents } from 'electron';
import { isOwnAppUrl } from './app-url';
import { openExternalSafely } from './external-links';

/** The part of Electron's navigation events the guard reads. */
type NavigationEvent = Event<{ readonly url: string; readonly isMainFrame?: boolean }>;

/**
 * Keeps a web contents on the app's own pages: navigation and redirects away are blocked (a clicked http(s) link goes
 * to the allow-listed opener instead), new windows are denied, and <webview> is never attached
 * (Electron security checklist 12, 13, 14; Electron Fiddle src/main/windows.ts).
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event: NavigationEvent) => {
    if (block(event)) routeOutside(event.url);
  });
  // Also fires for the top frame, which will-navigate already handled: here only sub-frames are judged.
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (event.isMainFrame === false) block(event);
  });
  contents.on('will-redirect', (event: NavigationEvent) => {
    block(event);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    routeOutside(url);
    return { action: 'deny' };
  });
}

/** Prevents a navigation to anything but the app's own origin; true when it did. */
function block(event: NavigationEvent): boolean {
  if (isOwnAppUrl(event.url)) return false;
  event.preventDefault();
  return true;
}

/** An http(s) link the admin clicked may open in their browser; the opener decides whether it is allowed. */
function routeOutside(url: string): void {
  if (!/^https?:/i.test(url)) return;
  openExternalSafely(url).catch((err: unknown) => console.warn(`Could not open a link: ${String(err)}`));
}
