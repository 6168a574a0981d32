/** Directives a <meta> tag cannot deliver (CSP Level 3, "frame-ancestors": ignored there, and Chromium logs an error for it). */
const HEADER_ONLY = ['frame-ancestors'];

/**
 * The renderer's Content-Security-Policy (Electron security checklist item 7): no inline script, no eval, no remote
 * code, and no framing. Sent as a header by Electron and the browser host.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The same policy as renderer/index.html's meta tag repeats it (tested equal): without the header-only directives, which the header carries. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0] ?? ''))
  .join('; ');
