import { readdir, rename, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { backupsDir, backupTimestamp } from './backups';

/** Undoes a move of a backups folder (put it back where it was). */
export type UndoMove = () => Promise<void>;

async function entriesOf(dir: string): Promise<ReadonlyArray<string> | null> {
  return readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

/**
 * Refuses a setup name whose backups folder already holds backups (of an earlier setup of that name, deleted before
 * backups moved with it): renaming onto it would mix them with this setup's, and Restore could write another
 * setup's document back.
 */
export async function assertNoBackupsUnder(dataDir: string, setupName: string): Promise<void> {
  const dir = backupsDir(dataDir, setupName);
  const entries = await entriesOf(dir);
  if (entries === null || entries.length === 0) return;
  throw new ApiFailure(
    apiError('CONFLICT', `Backups of an earlier setup named "${setupName}" are in ${dir}: this setup's backups cannot move there without mixing them.`, {
      fix: `Choose another name, or move that folder out of ${dirname(dir)} first.`,
    }),
  );
}

/**
 * Moves a setup's backups folder to another setup name with one rename (atomic on one file system), so a rename
 * takes its backups along and a later setup of the old name starts with none. Returns how to undo it.
 */
export async function moveBackups(dataDir: string, from: string, to: string): Promise<UndoMove> {
  const source = backupsDir(dataDir, from);
  const target = backupsDir(dataDir, to);
  if ((await entriesOf(source)) === null) return async () => undefined;
  await assertNoBackupsUnder(dataDir, to);
  // An empty folder of the new name is in the way on Windows (POSIX rename replaces it); nothing is lost removing it.
  await rmdir(target).catch(() => undefined);
  await rename(source, target);
  return () => rename(target, source);
}

/**
 * Sets a deleted setup's backups aside as `backups/<name>@deleted-<UTC time>` ("@" is never in a setup name, so no
 * setup lists them): kept on disk for a restore by file, never handed to a later setup of the same name.
 */
export async function setBackupsAside(dataDir: string, setupName: string, now: Date = new Date()): Promise<string | null> {
  const source = backupsDir(dataDir, setupName);
  if ((await entriesOf(source)) === null) return null;
  const target = join(dirname(source), `${basename(source)}@deleted-${backupTimestamp(now)}`);
  await rename(source, target);
  return target;
}
