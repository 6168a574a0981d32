import { strToU8, zipSync, type Zippable } from 'fflate';
import { isExecutableExportFile } from './export-file-names';
import type { ExportFile } from './export-input';

/** PKZIP "version made by" host 3 (Unix, APPNOTE 4.4.2.2): unzip then restores the mode kept in the high 16 bits of the external attributes. */
const UNIX = 3;
const FILE_MODE = 0o100644;
const SCRIPT_MODE = 0o100755;

/** The export's folder (and zip) name: a setup name is a safe folder name already (shared/validation/setup-name.ts). */
export function exportFolderName(setupName: string): string {
  return `${setupName}-export`;
}

/**
 * The export folder as one zip for the browser's single download (README, "Export"): one top folder holding every file
 * at its relative path, so base/ sits beside apply.sh as apply.sh reads it, with apply.sh executable (0755, the others
 * 0644) as the CLI's `export --out` writes them.
 */
export function zipExportFolder(folder: string, files: ReadonlyArray<ExportFile>, mtime: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    const mode = isExecutableExportFile(file.name) ? SCRIPT_MODE : FILE_MODE;
    entries[`${folder}/${file.name}`] = [strToU8(file.content), { os: UNIX, attrs: mode * 0x10000, mtime }];
  }
  return zipSync(entries, { level: 6 });
}
