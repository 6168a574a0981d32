import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { STEP_BACKUP_KIND } from '../../shared/steps/step-ids';
import type { StepResult } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import { appendAudit } from '../store/audit-log';
import { writeBackup, type BackupKind } from '../store/backups';
import { basisOf } from './plan-step';
import type { StepContext } from './step-context';
import type { StepDefinition } from './step-definition';

/**
 * Applies one confirmed plan (DESIGN.md "Data flow of one change"): re-read; stop if the live document no longer
 * matches the plan's basis (someone else changed it); back up; make the one write; read back and check that the
 * live document now says what was proposed.
 */
export async function applyStep(def: StepDefinition, ctx: StepContext, basis: string): Promise<StepResult> {
  const live = await def.read(ctx);
  const liveBasis = basisOf(live.document);
  if (liveBasis !== basis) {
    await audit(ctx, def, live.resource, null, 'drift', 'live document changed since the plan');
    throw new ApiFailure(
      apiError('DRIFT', `${live.resource} changed since the plan was made (someone else edited it). Nothing was written.`, {
        fix: 'Plan this step again, review the new diff, then apply.',
      }),
    );
  }
  const proposal = def.propose(live, ctx);
  if (!proposal.ok) throw new ApiFailure(proposal.error);
  if (!proposal.changed && live.document !== null) {
    return { step: def.id, resource: live.resource, action: 'unchanged', backupPath: null, after: live.document };
  }
  ctx.progress(`Backing up ${live.resource}`);
  const backupPath = await writeBackup(ctx.backupRoot, {
    setupName: ctx.setup.name,
    kind: STEP_BACKUP_KIND[def.id] as BackupKind,
    resource: live.resource,
    account: ctx.accountId,
    region: ctx.setup.region,
    document: live.document,
  });
  let action: 'created' | 'updated';
  try {
    action = await def.write(proposal.document, live, ctx);
  } catch (err) {
    const error = toApiError(err, { action: writeActionOf(def.id), resource: live.resource });
    await audit(ctx, def, live.resource, backupPath, 'failed', error.message);
    // A lost response or a cancel after sending leaves the write unknown: one call, so old or new, never half-written.
    throw new ApiFailure({
      ...error,
      fix: `${error.fix ?? 'Retry.'} The write is a single call: ${live.resource} is either as it was before or fully written, never half-written. Plan again to see which (backup: ${backupPath}).`,
    });
  }
  await audit(ctx, def, live.resource, backupPath, 'ok', action);
  ctx.progress(`Reading back ${live.resource}`);
  const after = await def.read(ctx);
  const check = def.propose(after, ctx);
  if (!check.ok || check.changed) {
    throw new ApiFailure(
      apiError('AWS_ERROR', `${after.resource} was written, but reading it back does not show the proposed document.`, {
        fix: `Plan this step again to see the difference; the previous document is in ${backupPath}.`,
      }),
    );
  }
  return { step: def.id, resource: after.resource, action, backupPath, after: after.document };
}

/** The IAM action each step's write needs: named in AccessDenied messages (README lists them all). */
export function writeActionOf(step: StepDefinition['id']): string {
  switch (step) {
    case 'queue':
      return 'sqs:CreateQueue';
    case 'queuePolicy':
      return 'sqs:SetQueueAttributes';
    case 'bucketNotification':
      return 's3:PutBucketNotification';
    case 'roleTrust':
      return 'iam:CreateRole / iam:UpdateAssumeRolePolicy';
    case 'rolePermissions':
      return 'iam:PutRolePolicy';
  }
}

async function audit(ctx: StepContext, def: StepDefinition, resource: string, backupPath: string | null, outcome: 'ok' | 'failed' | 'drift', message: string): Promise<void> {
  await appendAudit(ctx.dataDir, { setupName: ctx.setup.name, step: def.id, action: message, resource, callerArn: ctx.callerArn, backupPath, outcome, message });
}
