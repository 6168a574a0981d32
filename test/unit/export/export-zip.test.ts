import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../../shared/export/export-files';
import { exportFolderName, zipExportFolder } from '../../../shared/export/export-zip';
import { exportInput } from './export-fixture';

/** Each entry's host OS and Unix mode, read from the zip's central directory (PKZIP APPNOTE 4.3.12). */
function modesOf(zip: Uint8Array): Map<string, { os: number; mode: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const modes = new Map<string, { os: number; mode: number }>();
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    modes.set(name, { os: view.getUint8(at + 5), mode: view.getUint32(at + 38, true) >>> 16 });
    at += 45 + nameLength;
  }
  return modes;
}

describe('zipExportFolder', () => {
  const files = exportFiles(exportInput());
  const folder = exportFolderName('orders-landing');
  const zip = zipExportFolder(folder, files, new Date('2025-03-04T05:06:07Z'));

  it('holds every export file under one top folder at its own path, base/ beside apply.sh, with the same text', () => {
    const entries = unzipSync(zip);
    expect(folder).toBe('orders-landing-export');
    expect(Object.keys(entries)).toEqual(files.map((f) => `orders-landing-export/${f.name}`));
    expect(Object.keys(entries)).toContain('orders-landing-export/base/bucket-notification.json');
    for (const file of files) expect(strFromU8(entries[`${folder}/${file.name}`] ?? new Uint8Array())).toBe(file.content);
  });

  it('keeps apply.sh executable and the other files 0644, as Unix modes that unzip restores', () => {
    const modes = modesOf(zip);
    expect(modes.size).toBe(files.length);
    expect(modes.get(`${folder}/apply.sh`)).toEqual({ os: 3, mode: 0o100755 });
    for (const file of files.filter((f) => f.name !== 'apply.sh')) expect(modes.get(`${folder}/${file.name}`)).toEqual({ os: 3, mode: 0o100644 });
  });
});
