import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
import * as z from 'zod';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { createFileAtomic } from './atomic-write';
import { BACKUP_KINDS, type BackupKind } from '../../shared/steps/aws-steps';
import { ensureDataDir } from './data-dir';
import { readJsonFile } from './read-json-file';
import { safeFolderName } from './setup-folder-name';
import type { BackupEntry } from '../../shared/contract/setup-record';

export type { BackupEntry } from '../../shared/contract/setup-record';

/** What writeBackup needs: the live document before a change, and where it came from. Never a credential. */
export interface BackupInput {
  readonly setupName: string;
  readonly kind: BackupKind;
  readonly resource: string;
  readonly account: string;
  readonly region: string;
  /** The bucket's owner when another account owns it (ExpectedBucketOwner for the restore's calls); absent otherwise. */
  readonly bucketOwner?: string;
  readonly document: unknown;
}

const backupSchema = z.object({
  kind: z.enum(BACKUP_KINDS),
  resource: z.string(),
  account: z.string(),
  region: z.string(),
  bucketOwner: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  takenAt: z.iso.datetime(),
  document: z.unknown(),
});

/** A backup file: an object with every field, `document` included (null records that nothing existed). */
const backupFileSchema = z
  .custom<object>((v) => typeof v !== 'object' || v === null || Array.isArray(v) || 'document' in v, 'it has no document')
  .pipe(backupSchema);

/** One backup file's content (docs/ARCHITECTURE.md#data-on-disk): `{kind, resource, account, region, bucketOwner?, takenAt, document}`. */
export interface BackupRecord {
  readonly kind: BackupKind;
  readonly resource: string;
  readonly account: string;
  readonly region: string;
  /** The bucket's owner when another account owns it; absent when it is `account`. */
  readonly bucketOwner?: string;
  readonly takenAt: string;
  readonly document: unknown;
}

/** The folder of one setup's backups: `<data dir>/backups/<setup name>`. */
export function backupsDir(dataDir: string, setupName: string): string {
  return join(resolve(dataDir), 'backups', safeFolderName(setupName));
}

/** UTC time as `20261124T234501.123Z`: sorts chronologically as text and is valid in file names on every OS. */
export function backupTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function stampPrefix(stamp: string, counter: number): string {
  // '-' sorts before '.', so "<stamp>-kind" comes before "<stamp>.001-kind", keeping name order = write order.
  return `${stamp}${counter === 0 ? '' : `.${String(counter).padStart(3, '0')}`}-`;
}

function fileNameFor(stamp: string, counter: number, kind: BackupKind): string {
  return `${stampPrefix(stamp, counter)}${kind}.json`;
}

/** The names in a folder, none when it does not exist yet (synchronous, as the file written next: main/store/atomic-write.ts). */
function namesIn(dir: string): ReadonlyArray<string> {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Saves the document before a change as its own 0600 file; never overwrites an earlier backup. Returns its absolute path. */
export async function writeBackup(dataDir: string, input: BackupInput): Promise<string> {
  const dir = backupsDir(dataDir, input.setupName);
  await ensureDataDir(resolve(dataDir));
  const taken = new Date();
  const record: BackupRecord = {
    kind: input.kind,
    resource: input.resource,
    account: input.account,
    region: input.region,
    ...(input.bucketOwner !== undefined && input.bucketOwner !== input.account ? { bucketOwner: input.bucketOwner } : {}),
    takenAt: taken.toISOString(),
    document: input.document ?? null,
  };
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const stamp = backupTimestamp(taken);
  // Within one millisecond, backups of any kind take the next counter, so name order stays write order.
  const existing = new Set(namesIn(dir));
  const used = (counter: number) => [...existing].some((f) => f.startsWith(stampPrefix(stamp, counter)));
  for (let counter = 0; ; counter += 1) {
    if (used(counter)) continue;
    const path = join(dir, fileNameFor(stamp, counter, input.kind));
    if (await createFileAtomic(path, text)) return path;
  }
}

function badBackup(path: string, why: string): ApiFailure {
  return new ApiFailure(
    apiError('BAD_INPUT', `${basename(path)} is not a usable backup: ${why}.`, {
      fix: `Choose another backup; this file (${path}) can be inspected by hand but will not be restored.`,
    }),
  );
}

/** Reads and checks one backup file; a file outside `<dataDir>/backups` is refused when `dataDir` is given. */
export async function readBackup(path: string, dataDir?: string): Promise<BackupRecord> {
  if (dataDir !== undefined) {
    const inside = relative(join(resolve(dataDir), 'backups'), resolve(path));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw badBackup(path, "it is not in the wizard's backups folder");
  }
  const read = await readJsonFile(path, backupFileSchema);
  if (read.ok) return read.value;
  if (read.problem === 'missing') {
    throw new ApiFailure(apiError('NOT_FOUND', `Backup ${path} does not exist.`, { fix: 'Refresh the backups list and choose again.' }));
  }
  if (read.problem === 'unreadable') throw badBackup(path, `it could not be read (${read.detail})`);
  throw badBackup(path, read.problem === 'not-json' ? 'it is not valid JSON' : read.detail);
}

/** One setup's backups, newest first; files that are not backups are left out of the list. */
export async function listBackups(dataDir: string, setupName: string): Promise<ReadonlyArray<BackupEntry>> {
  const dir = backupsDir(dataDir, setupName);
  const files = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const entries: BackupEntry[] = [];
  for (const file of files) {
    if (!file.endsWith('.json') || file.startsWith('.')) continue;
    const path = join(dir, file);
    const record = await readBackup(path).catch(() => null);
    if (!record) continue;
    entries.push({ path, file, kind: record.kind, resource: record.resource, account: record.account, region: record.region, takenAt: record.takenAt });
  }
  return entries.sort((a, b) => (a.takenAt === b.takenAt ? compareText(b.file, a.file) : compareText(b.takenAt, a.takenAt)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
