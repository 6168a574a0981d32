/**
 * The renderer's Content-Security-Policy (Electron security checklist item 7): no inline script, no eval, no remote
 * code. Sent as a header by Electron and the browser host, and repeated in renderer/index.html's meta tag (tested equal).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
