/**
 * Browsers revoke nothing for us; a URL revoked in the same tick as the click can cancel the download in some
 * engines, so it is freed a little later (the delay FileSaver.js uses for the same reason is of this order).
 */
const REVOKE_DELAY_MS = 10_000;

/** Saves a Blob as a file through the browser's download: a Blob URL on a temporary <a download>, freed afterwards. */
function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/** Saves text as a file (one export file, a report, the registration values). */
export function downloadText(name: string, content: string, type = 'text/plain'): void {
  downloadBlob(name, new Blob([content], { type: `${type};charset=utf-8` }));
}

/** Saves bytes as a file (the export folder as one zip). */
export function downloadBytes(name: string, bytes: Uint8Array, type: string): void {
  // A copy: a Blob takes only bytes backed by a plain ArrayBuffer.
  downloadBlob(name, new Blob([new Uint8Array(bytes)], { type }));
}
