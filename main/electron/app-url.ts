/** The renderer is served from a privileged custom scheme, not file:// (Electron security checklist 18). */
export const APP_SCHEME = 'app';

/** The one host of the app scheme; together they form the app's only trusted origin. */
export const APP_HOST = 'sqs-s3-wizard';

/** The app's own origin: the only origin allowed to navigate, call IPC or get permissions. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` belongs to the app's own origin (checklist 13, 14: everything else is foreign). */
export function isOwnAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
