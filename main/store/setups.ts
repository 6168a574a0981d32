import { compareText } from '../../shared/util/compare-text';
import { readdirSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import * as z from 'zod';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { setupSchema, type Setup } from '../../shared/setup/setup';
import { isSetupNameTaken, setupNameTakenError } from '../../shared/setup/setup-name-taken';
import { writeFileAtomic } from './atomic-write';
import { appendAudit } from './audit-log';
import { assertNoBackupsUnder, moveBackups, setBackupsAside, type UndoMove } from './backup-folders';
import { ensureDataDir } from './data-dir';
import { readJsonFile } from './read-json-file';
import { safeFolderName } from './setup-folder-name';

import { SETUP_STATUSES, type SetupRecord } from '../../shared/contract/setup-record';

export type { SetupRecord, SetupStatus } from '../../shared/contract/setup-record';

/** What markSetup may change: the status, its time stamps, the ids found in the account and what the setup owns. */
export type SetupPatch = Partial<
  Pick<SetupRecord, 'status' | 'appliedAt' | 'verifiedAt' | 'removedAt' | 'accountId' | 'queueUrl' | 'queueArn' | 'roleArn' | 'ownership' | 'attention'>
>;

const ownershipSchema = z.object({
  tagName: z.string(),
  queue: z.object({ name: z.string(), created: z.boolean() }).nullable(),
  notificationId: z.string().nullable(),
  queuePolicySid: z.string().nullable(),
  // Setups saved before the KMS key policy step have no such key.
  kmsKeySid: z.string().nullable().default(null),
  role: z.object({ name: z.string(), created: z.boolean() }).nullable(),
  trustSids: z.array(z.string()),
  inlinePolicy: z.string().nullable(),
  // Setups saved before the SNS fan-out have no such key.
  fanOut: z
    .object({
      topicArn: z.string(),
      topicCreated: z.boolean(),
      originalRules: z.array(
        z.object({ kind: z.enum(['QueueConfiguration', 'TopicConfiguration', 'LambdaFunctionConfiguration']), config: z.record(z.string(), z.unknown()) }),
      ),
      endpoints: z.array(z.string()),
    })
    .nullable()
    .default(null),
});

const recordSchema = z.object({
  setup: setupSchema,
  status: z.enum(SETUP_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  appliedAt: z.string().optional(),
  verifiedAt: z.string().optional(),
  accountId: z.string().optional(),
  queueUrl: z.string().optional(),
  queueArn: z.string().optional(),
  roleArn: z.string().optional(),
  ownership: ownershipSchema.optional(),
  attention: z.array(z.string()).optional(),
  removedAt: z.string().optional(),
});

/** The folder of saved setups. */
export function setupsDir(dataDir: string): string {
  return join(resolve(dataDir), 'setups');
}

function setupPath(dataDir: string, name: string): string {
  return join(setupsDir(dataDir), `${safeFolderName(name)}.json`);
}

// Read-modify-write of one file is serialised within the process, so two quick saves cannot lose an update.
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function readRecord(path: string): Promise<SetupRecord | null> {
  const read = await readJsonFile(path, recordSchema);
  if (read.ok) return read.value;
  if (read.problem === 'missing') return null;
  throw badRecord(
    path,
    read.problem === 'not-json' ? 'it is not valid JSON' : read.problem === 'unreadable' ? `it could not be read (${read.detail})` : read.detail,
  );
}

function badRecord(path: string, why: string): ApiFailure {
  return new ApiFailure(
    apiError('BAD_INPUT', `Saved setup ${basename(path)} cannot be read: ${why}.`, {
      fix: `Fix or delete ${path}, or save the setup again from the wizard.`,
    }),
  );
}

async function writeRecord(dataDir: string, record: SetupRecord): Promise<void> {
  await ensureDataDir(resolve(dataDir));
  await writeFileAtomic(setupPath(dataDir, record.setup.name), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Which saved setup a save is for: `undefined` the setup file's own name (the CLI: the file is the setup), created or
 * updated; `null` a new setup, refused when another saved setup has its name (saving would replace that one); a name:
 * the saved setup the form edits, moved first (record and backups, as a rename) when the form changed its name.
 */
export type SaveTarget = string | null | undefined;

/** Creates a draft, or updates a saved setup's fields while keeping its status, ids and time stamps; never replaces another setup (`editing`). */
export async function saveSetup(dataDir: string, setup: Setup, editing?: SaveTarget): Promise<SetupRecord> {
  const checked = setupSchema.safeParse(setup);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ApiFailure(apiError('BAD_INPUT', `The setup cannot be saved: ${issue?.path.join('.') || 'setup'}: ${issue?.message ?? 'invalid'}.`));
  }
  let mayReplace = editing === undefined || editing === setup.name;
  if (typeof editing === 'string' && editing !== setup.name && (await getSetup(dataDir, editing))) {
    await renameSetup(dataDir, editing, setup.name);
    mayReplace = true;
  }
  const path = setupPath(dataDir, setup.name);
  return serialised(path, async () => {
    const now = new Date().toISOString();
    const existing = await readRecord(path);
    if (!mayReplace) {
      // Without case, as on macOS and Windows: a data directory copied there must not turn two setups into one.
      const names = new Set([...(await listSetupNames(dataDir)), ...(existing ? [existing.setup.name] : [])]);
      if (isSetupNameTaken(setup.name, names)) throw new ApiFailure(setupNameTakenError(setup.name, names));
    }
    const record: SetupRecord = existing
      ? { ...existing, setup: checked.data, updatedAt: now }
      : { setup: checked.data, status: 'draft', createdAt: now, updatedAt: now };
    await writeRecord(dataDir, record);
    return record;
  });
}

/** The names of the saved setups, from their file names (no record is read, so a damaged one does not hide the others). */
async function listSetupNames(dataDir: string): Promise<ReadonlyArray<string>> {
  const files = await readdir(setupsDir(dataDir)).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -'.json'.length));
}

/** Records progress on a saved setup (status, applied/verified times, account id, queue URL/ARN, role ARN). */
export async function markSetup(dataDir: string, name: string, patch: SetupPatch | ((existing: SetupRecord) => SetupPatch)): Promise<SetupRecord> {
  const marked = await markSetupIfSaved(dataDir, name, patch);
  if (!marked) throw new ApiFailure(apiError('NOT_FOUND', `No saved setup is named "${name}".`, { fix: 'Save the setup first.' }));
  return marked;
}

/** markSetup for a setup that may not be saved (a setup file applied through the API): null, and nothing written, then. */
export async function markSetupIfSaved(
  dataDir: string,
  name: string,
  patch: SetupPatch | ((existing: SetupRecord) => SetupPatch),
): Promise<SetupRecord | null> {
  const path = setupPath(dataDir, name);
  return serialised(path, async () => {
    const existing = await readRecord(path);
    if (!existing) return null;
    // A patch made from the record itself (merged ownership) is made inside the lock, so concurrent marks never lose one.
    const made = typeof patch === 'function' ? patch(existing) : patch;
    const defined = Object.fromEntries(Object.entries(made).filter(([, v]) => v !== undefined)) as SetupPatch;
    // A mark that changes nothing (a step found unchanged, recorded again) writes nothing: an apply run marks every step.
    if (JSON.stringify({ ...existing, ...defined }) === JSON.stringify(existing)) return existing;
    const record: SetupRecord = { ...existing, ...defined, updatedAt: new Date().toISOString() };
    await writeRecord(dataDir, record);
    return record;
  });
}

/** One saved setup, or null when none has that name. */
export async function getSetup(dataDir: string, name: string): Promise<SetupRecord | null> {
  return readRecord(setupPath(dataDir, name));
}

/** Every saved setup, most recently updated first; a damaged file fails with an error naming it. */
export async function listSetups(dataDir: string): Promise<ReadonlyArray<SetupRecord>> {
  // Synchronous, as the records themselves are read (main/store/read-json-file.ts).
  let files: string[];
  try {
    files = readdirSync(setupsDir(dataDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    files = [];
  }
  const records: SetupRecord[] = [];
  for (const file of files) {
    if (!file.endsWith('.json') || file.startsWith('.')) continue;
    const record = await readRecord(join(setupsDir(dataDir), file));
    if (record) records.push(record);
  }
  return records.sort((a, b) => compareText(b.updatedAt, a.updatedAt) || compareText(a.setup.name, b.setup.name));
}

/**
 * Renames a saved setup: the record moves to the new name (never copied, so the list shows it once) with its status,
 * ids and ownership, and so does its backups folder, so a later setup of the old name inherits none; the tags it
 * wrote on AWS keep the old name (ownership.tagName). A failure part-way puts everything back; one audit line links
 * the names (earlier lines keep the old one: the log is append-only).
 */
export async function renameSetup(dataDir: string, from: string, to: string): Promise<SetupRecord> {
  const source = setupPath(dataDir, from);
  const target = setupPath(dataDir, to);
  return serialised(source, () =>
    serialised(target, async () => {
      const existing = await readRecord(source);
      if (!existing) throw new ApiFailure(apiError('NOT_FOUND', `No saved setup is named "${from}".`, { fix: 'Refresh the setups list.' }));
      if (from === to) return existing;
      if (await readRecord(target)) {
        throw new ApiFailure(apiError('CONFLICT', `A saved setup is already named "${to}".`, { fix: 'Choose another name, or delete that setup first.' }));
      }
      await assertNoBackupsUnder(dataDir, to);
      const record: SetupRecord = { ...existing, setup: { ...existing.setup, name: to }, updatedAt: new Date().toISOString() };
      // Record first: a crash part-way leaves two records and the backups with the old one, never a setup without its backups.
      await writeRecord(dataDir, record);
      let undoMove: UndoMove | null = null;
      try {
        undoMove = await moveBackups(dataDir, from, to);
        await unlink(source);
      } catch (err) {
        await undoMove?.().catch(() => undefined);
        await unlink(target).catch(() => undefined);
        throw err;
      }
      await appendAudit(dataDir, {
        setupName: to,
        step: 'rename',
        action: `renamed from "${from}"`,
        resource: `setups/${to}.json`,
        callerArn: 'local (no AWS call)',
        backupPath: null,
        outcome: 'ok',
        message: 'the saved setup and its backups folder moved to the new name',
      });
      return record;
    }),
  );
}

/**
 * Deletes a saved setup from the list; its backups are kept but set aside (backups/<name>@deleted-<time>), so a later
 * setup of the same name starts with none. False when there was none.
 */
export async function deleteSetup(dataDir: string, name: string): Promise<boolean> {
  const path = setupPath(dataDir, name);
  return serialised(path, async () => {
    try {
      await unlink(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    await setBackupsAside(dataDir, name);
    return true;
  });
}
