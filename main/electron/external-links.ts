import { shell } from 'electron';

/** Hosts the wizard links to: AWS documentation and console, and the project's source host. */
export const EXTERNAL_HOSTS: ReadonlyArray<string> = ['docs.aws.amazon.com', 'console.aws.amazon.com', 'github.com'];

/** Region-specific console hosts (us-east-1.console.aws.amazon.com) are what console deep links use. */
const EXTERNAL_HOST_SUFFIXES: ReadonlyArray<string> = ['.console.aws.amazon.com'];

/** True for an http(s) URL on an allow-listed host, without credentials or an unusual port (checklist 15). */
export function isAllowedExternalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.includes(host) || EXTERNAL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * The only place the app calls shell.openExternal: anything not allow-listed is refused (Electron security
 * checklist 15, "Do not use shell.openExternal with untrusted content"). Resolves to whether the URL was opened.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    console.warn(`Refused to open a link outside the allow-list: ${truncate(url)}`);
    return false;
  }
  await shell.openExternal(new URL(url).href);
  return true;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
