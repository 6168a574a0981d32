import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

/** The one CSP string (shared with the browser host and renderer/index.html), sent by Electron as a header. */
export { CONTENT_SECURITY_POLICY };

/** Response headers with the CSP set, replacing any CSP header a response already had (any letter case). */
export function withCspHeader(headers: Readonly<Record<string, string | ReadonlyArray<string>>> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = typeof value === 'string' ? [value] : [...value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
