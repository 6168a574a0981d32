import { basename, dirname } from 'node:path';
import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { diffDocuments } from '../../shared/diff/diff-documents';
import { documentsEqual } from '../../shared/diff/semantic-form';
import { summarizeChanges } from '../../shared/diff/summarize-changes';
import { AWS_STEPS, titleInSentence } from '../../shared/steps/aws-steps';
import type { RestorePlan, StepResult } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import { readBackup, type BackupRecord } from '../store/backups';
import { guardedWrite } from './guarded-write';
import { basisOf } from './plan-basis';
import type { OperationContext } from './step-context';
import type { AnyStepDefinition } from './step-definition';
import { definitionOfBackupKind } from './step-registry';

/** Which backup files a restore may read: only the data directory's (GUI), or any path the admin typed (CLI). */
export interface RestoreScope {
  readonly anyFolder: boolean;
}

interface PreparedRestore {
  readonly backup: BackupRecord;
  readonly definition: AnyStepDefinition;
  /** The operation, with AWS calls going to the backup's Region. */
  readonly op: OperationContext;
}

async function prepare(path: string, op: OperationContext, scope: RestoreScope): Promise<PreparedRestore> {
  const backup = await readBackup(path, scope.anyFolder ? undefined : op.dataDir);
  const definition = definitionOfBackupKind(backup.kind);
  if (!definition) throw new ApiFailure(apiError('BAD_INPUT', `${basename(path)} holds a ${backup.kind} backup, which this version cannot restore.`));
  const rule = AWS_STEPS[definition.id].restore;
  if (rule.allowed === 'never' || (rule.allowed === 'when-it-existed' && backup.document === null)) {
    throw new ApiFailure(apiError('BAD_INPUT', `${rule.refusal.message} Nothing was written.`, { fix: rule.refusal.fix }));
  }
  if (op.accountId !== backup.account) {
    throw new ApiFailure(
      apiError('CONFLICT', `The backup belongs to account ${backup.account}, but you are connected to ${op.accountId}.`, {
        fix: `Connect with a profile of account ${backup.account}.`,
      }),
    );
  }
  // A bucket of another account is restored with the owner its backup recorded (ExpectedBucketOwner), as it was written.
  return { backup, definition, op: { ...op, bucketOwner: backup.bucketOwner ?? op.accountId, target: { ...op.target, region: backup.region } } };
}

/**
 * Where the live document's backup goes: beside the restored one when that lies in a `<root>/backups/<setup>/` folder
 * (the data directory or a CLI --backup-dir), else in the data directory under "restores".
 */
function backupHome(path: string, dataDirectory: string): { readonly root: string; readonly setupName: string } {
  const setupFolder = dirname(path);
  const backupsFolder = dirname(setupFolder);
  return basename(backupsFolder) === 'backups' && dirname(backupsFolder) !== backupsFolder
    ? { root: dirname(backupsFolder), setupName: basename(setupFolder) }
    : { root: dataDirectory, setupName: 'restores' };
}

/** True when the live document already is the backup's (both absent counts). */
function sameAsBackup(live: unknown, backup: unknown): boolean {
  if (backup === null) return live === null || live === '';
  return live !== null && documentsEqual(live, backup);
}

/** Diff of the live document against a backup (live -> backup), with the basis a restore must match. */
export async function planRestore(path: string, op: OperationContext, scope: RestoreScope): Promise<RestorePlan> {
  const { backup, definition, op: restoreOp } = await prepare(path, op, scope);
  const live = await definition.read(restoreOp, backup.resource).catch((err: unknown) => {
    throw new ApiFailure(toApiError(err, { resource: backup.resource }));
  });
  return {
    step: definition.id,
    title: `Restore ${titleInSentence(definition.id)}`,
    resource: backup.resource,
    action: sameAsBackup(live.document, backup.document) ? 'unchanged' : 'update',
    current: live.document,
    proposed: backup.document,
    summary: summarizeChanges(live.document, backup.document),
    diff: diffDocuments(live.document, backup.document),
    basis: basisOf(live.document),
    warnings: [],
    notes: [`Backup taken ${backup.takenAt}.`],
    blocked: null,
    backupPath: path,
    takenAt: backup.takenAt,
  };
}

/** Restores a backup through the guarded write: the live document is backed up first, the backup's is written and read back. */
export async function restoreBackup(path: string, basis: string, op: OperationContext, scope: RestoreScope): Promise<StepResult> {
  const { backup, definition, op: restoreOp } = await prepare(path, op, scope);
  const { root, setupName } = backupHome(path, op.dataDir);
  const result = await guardedWrite(
    {
      definition,
      resource: backup.resource,
      basis,
      planName: 'restore plan',
      planContext: null,
      decide: (live) => (sameAsBackup(live.document, backup.document) ? { kind: 'unchanged' } : { kind: 'write', document: backup.document }),
      verify: (after) => sameAsBackup(after.document, backup.document),
      record: { backupRoot: root, setupName, auditStep: `restore:${definition.id}`, note: `restored ${path}` },
    },
    restoreOp,
  );
  return result.action === 'created' ? { ...result, action: 'updated' } : result;
}
