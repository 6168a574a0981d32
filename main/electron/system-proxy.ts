import type { Session } from 'electron';
import type { SystemProxyResolver } from '../aws/network/system-proxy';

/**
 * The operating system's proxy decision for a URL, PAC scripts and WPAD included: Chromium's own resolver behind
 * session.resolveProxy (Electron API, "ses.resolveProxy(url)"). The AWS calls run in Node, which knows none of it,
 * so the workspace asks this when no proxy variable is set.
 */
export function systemProxyResolver(session: Pick<Session, 'resolveProxy'>): SystemProxyResolver {
  return (url) => session.resolveProxy(url);
}
