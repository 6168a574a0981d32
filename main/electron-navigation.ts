import type { Event, WebContents } from 'electron';
import { isOwnAppUrl } from './electron-app-url';
import { openExternalSafely } from './electron-external-links';

/**
 * Keeps a web contents on the app's own pages: navigation and redirects away are blocked (http(s) links go to the
 * allow-listed opener instead), new windows are denied, and <webview> is never attached
 * (Electron security checklist 12, 13, 14; Electron Fiddle src/main/windows.ts).
 */
export function guardNavigation(contents: WebContents): void {
  const blockForeign = (event: Event<{ readonly url: string }>): void => {
    if (isOwnAppUrl(event.url)) return;
    event.preventDefault();
    routeOutside(event.url);
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-frame-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    routeOutside(url);
    return { action: 'deny' };
  });
}

/** An http(s) link the admin clicked may open in their browser; the opener decides whether it is allowed. */
function routeOutside(url: string): void {
  if (!/^https?:/i.test(url)) return;
  openExternalSafely(url).catch((err: unknown) => console.warn(`Could not open a link: ${String(err)}`));
}
