import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import type { ExportFile } from '../../shared/export/export-input';
import { isExecutableExportFile } from '../../shared/export/export-file-names';

async function entriesOf(dir: string): Promise<ReadonlyArray<string> | null> {
  try {
    return await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const what = code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code ?? 'error'})`;
    throw new ApiFailure(apiError('BAD_INPUT', `--out ${dir} ${what}.`, { fix: 'Pass a new or empty folder: --out change-1234' }));
  }
}

/** Refuses a folder that holds anything, so an export never overwrites or mixes with other files (README, "Export"). */
export async function checkExportFolder(dir: string): Promise<void> {
  const entries = await entriesOf(dir);
  if (entries !== null && entries.length > 0) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `--out ${dir} is not empty (${entries.length} entries): an export never overwrites files.`, {
        fix: 'Pass a new or empty folder, e.g. --out change-1234.',
      }),
    );
  }
}

/** Writes the export's files under `dir` (created): apply.sh with mode 0755, the others 0644; returns their paths. */
export async function writeExportFolder(dir: string, files: ReadonlyArray<ExportFile>): Promise<ReadonlyArray<string>> {
  await checkExportFolder(dir);
  const root = resolve(dir);
  const written: string[] = [];
  for (const file of files) {
    const path = join(root, ...file.name.split('/'));
    if (!path.startsWith(`${root}/`)) throw new ApiFailure(apiError('INTERNAL', `Export file name ${file.name} leaves the folder.`));
    const mode = isExecutableExportFile(file.name) ? 0o755 : 0o644;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content, { mode, flag: 'wx' });
    await chmod(path, mode);
    written.push(path);
  }
  return written;
}
