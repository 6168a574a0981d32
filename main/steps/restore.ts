import { basename, dirname } from 'node:path';
import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { diffDocuments } from '../../shared/diff/diff-documents';
import { documentsEqual } from '../../shared/diff/semantic-form';
import { summarizeChanges } from '../../shared/diff/summarize-changes';
import { STEP_TITLES, stepOfBackupKind } from '../../shared/steps/step-ids';
import type { RestorePlan, StepResult } from '../../shared/steps/step-plan';
import type { HandlerContext } from '../api/handler-context';
import { toApiError } from '../aws/aws-errors';
import { appendAudit } from '../store/audit-log';
import { readBackup, writeBackup, type BackupKind } from '../store/backups';
import { basisOf } from './plan-step';
import { RESTORE_TARGETS } from './restore-targets';

async function prepare(path: string, ctx: HandlerContext) {
  // GUI front ends may only name files of the data directory; the CLI admin may name any backup file (--backup-dir).
  const backup = await readBackup(path, ctx.frontEnd === 'cli' ? undefined : ctx.session.dataDir());
  const step = stepOfBackupKind(backup.kind);
  const target = RESTORE_TARGETS[backup.kind];
  if (!step || !target) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `A ${backup.kind} backup records that the queue did not exist yet; the wizard does not delete queues.`, {
        fix: 'Choose a backup of a policy or notification document.',
      }),
    );
  }
  if (backup.document === null && target.absentRefusal) {
    throw new ApiFailure(apiError('BAD_INPUT', `${target.absentRefusal.message} Nothing was written.`, { fix: target.absentRefusal.fix }));
  }
  const session = ctx.session.target();
  if (session.connection.accountId !== backup.account) {
    throw new ApiFailure(
      apiError('CONFLICT', `The backup belongs to account ${backup.account}, but you are connected to ${session.connection.accountId}.`, {
        fix: `Connect with a profile of account ${backup.account}.`,
      }),
    );
  }
  return { backup, step, target, aws: { ...session, region: backup.region } };
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

/** Diff of the live document against a backup (live -> backup), with the basis a restore must match. */
export async function planRestore(path: string, ctx: HandlerContext): Promise<RestorePlan> {
  const { backup, step, target, aws } = await prepare(path, ctx);
  ctx.progress(`Reading ${backup.resource}`);
  const live = await target.read(aws, backup.resource, ctx.signal).catch((err: unknown) => {
    throw new ApiFailure(toApiError(err, { resource: backup.resource }));
  });
  const same = live !== null && backup.document !== null && documentsEqual(live, backup.document);
  return {
    step,
    title: `Restore ${STEP_TITLES[step].toLowerCase()}`,
    resource: backup.resource,
    action: same || (live === null && backup.document === null) ? 'unchanged' : 'update',
    current: live,
    proposed: backup.document,
    summary: summarizeChanges(live, backup.document),
    diff: diffDocuments(live, backup.document),
    basis: basisOf(live),
    warnings: [],
    notes: [`Backup taken ${backup.takenAt}.`],
    blocked: null,
    backupPath: path,
    takenAt: backup.takenAt,
  };
}

/** Restores a backup: re-read and compare with the plan's basis, back up the live document, write, read back. */
export async function restoreBackup(path: string, basis: string, ctx: HandlerContext): Promise<StepResult> {
  const { backup, step, target, aws } = await prepare(path, ctx);
  const dir = ctx.session.dataDir();
  const { root, setupName } = backupHome(path, dir);
  const live = await target.read(aws, backup.resource, ctx.signal);
  const audit = (outcome: 'ok' | 'failed' | 'drift', backupPath: string | null, message: string) =>
    appendAudit(dir, { setupName, step: `restore:${step}`, action: 'restore', resource: backup.resource, callerArn: aws.connection.arn, backupPath, outcome, message });
  if (basisOf(live) !== basis) {
    await audit('drift', null, 'live document changed since the restore plan');
    throw new ApiFailure(apiError('DRIFT', `${backup.resource} changed since the restore was planned. Nothing was written.`, { fix: 'Plan the restore again.' }));
  }
  if (live !== null && backup.document !== null && documentsEqual(live, backup.document)) {
    return { step, resource: backup.resource, action: 'unchanged', backupPath: null, after: live };
  }
  const backupPath = await writeBackup(root, { setupName, kind: backup.kind as BackupKind, resource: backup.resource, account: backup.account, region: backup.region, document: live });
  try {
    ctx.progress(`Writing ${backup.resource}`);
    await target.write(aws, backup.resource, backup.document, ctx.signal);
  } catch (err) {
    const error = toApiError(err, { resource: backup.resource });
    await audit('failed', backupPath, error.message);
    throw new ApiFailure(error);
  }
  await audit('ok', backupPath, `restored ${path}`);
  const after = await target.read(aws, backup.resource, ctx.signal);
  const restored = backup.document === null ? after === null || after === '' : after !== null && documentsEqual(after, backup.document);
  if (!restored) {
    throw new ApiFailure(apiError('AWS_ERROR', `${backup.resource} was written, but reading it back does not match the backup.`, { fix: 'Plan the restore again to see the difference.' }));
  }
  return { step, resource: backup.resource, action: 'updated', backupPath, after };
}
