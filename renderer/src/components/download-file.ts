/**
 * Browsers revoke nothing for us; a URL revoked in the same tick as the click can cancel the download in some
 * engines, so it is freed a little later (the delay FileSaver.js uses for the same reason is of this order).
 */
const REVOKE_DELAY_MS = 10_000;

/** Saves text as a file through the browser's download: a Blob URL on a temporary <a download>, freed afterwards. */
export function downloadText(name: string, content: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
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

/** Pause between files of "Download all", so the browser takes each download in turn. */
const BETWEEN_DOWNLOADS_MS = 150;

/** Downloads several text files one after the other (no archive: each is saved under its own name). */
export async function downloadEach(files: ReadonlyArray<{ readonly name: string; readonly content: string; readonly type?: string }>): Promise<void> {
  for (const [i, file] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, BETWEEN_DOWNLOADS_MS));
    downloadText(file.name, file.content, file.type);
  }
}
