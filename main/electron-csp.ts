/**
 * The renderer's Content-Security-Policy (Electron security checklist 7); renderer/index.html carries the same
 * string in a meta tag, and a unit test keeps the two equal. frame-ancestors only works as a header.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Response headers with the CSP set, replacing any CSP header a response already had (any letter case). */
export function withCspHeader(
  headers: Readonly<Record<string, string | ReadonlyArray<string>>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = typeof value === 'string' ? [value] : [...value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
