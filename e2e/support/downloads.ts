import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';

/** A finished download: the name the page suggested and the file's text. */
export interface SavedFile {
  readonly name: string;
  readonly content: string;
}

async function read(download: Download): Promise<SavedFile> {
  const path = await download.path();
  return { name: download.suggestedFilename(), content: await readFile(path, 'utf8') };
}

/** Clicks `button` and returns the one file it downloads. */
export async function downloadOne(page: Page, button: Locator): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return read(download);
}

/** Clicks `button` and returns the one file it downloads as bytes (a zip), with the name the page suggested. */
export async function downloadBytes(page: Page, button: Locator): Promise<{ readonly name: string; readonly bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}
