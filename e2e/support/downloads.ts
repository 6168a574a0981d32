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

/** Starts downloads with `start` and collects `count` of them, in the order they arrive. */
export async function downloadMany(page: Page, count: number, start: () => Promise<void>): Promise<ReadonlyArray<SavedFile>> {
  const downloads: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const onDownload = (d: Download) => {
      downloads.push(d);
      if (downloads.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await start();
  await all;
  return Promise.all(downloads.map(read));
}
