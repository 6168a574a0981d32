import { apiError, ApiFailure, type ApiError } from '../../shared/contract/api-error';
import { AWS_STEPS } from '../../shared/steps/aws-steps';
import type { StepResult } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import { currentOperation } from '../aws/operation-scope';
import { appendAudit, type AuditOutcome } from '../store/audit-log';
import { writeBackup } from '../store/backups';
import { basisOf } from './plan-basis';
import type { OperationContext, PlanContext } from './step-context';
import { readLive, type LiveState, type StepDefinition } from './step-definition';

/** What a guarded write decides on the fresh read: write this document (null: remove it), nothing to do, or refuse. */
export type WriteDecision<Doc> =
  { readonly kind: 'write'; readonly document: Doc | null } | { readonly kind: 'unchanged' } | { readonly kind: 'refused'; readonly error: ApiError };

/** One confirmed change of one resource: which, from which plan, and how to decide and check it. */
export interface GuardedWriteRequest<Doc, Facts> {
  readonly definition: StepDefinition<Doc, Facts>;
  readonly resource: string;
  /** The plan's basis: the fingerprint of the live document the admin confirmed a change of. */
  readonly basis: string;
  /** What the admin confirmed, in messages: "plan" (apply), "restore plan" (restore), "removal plan" (remove). */
  readonly planName: string;
  /** The setup's plan context, for what a write creates (its tags); null for a restore. */
  readonly planContext: PlanContext | null;
  decide(live: LiveState<Doc, Facts>): WriteDecision<Doc>;
  /** True when the resource read back after the write shows the change. */
  verify(after: LiveState<Doc, Facts>, written: Doc | null): boolean;
  /** Work that follows a successful write and needs nothing of the read-back (StepDefinition.afterWrite): run alongside it. */
  readonly afterWrite?: () => Promise<void>;
  /** Where the backup is written (`<root>/backups/<setup name>/`) and how the audit log names the change. */
  readonly record: { readonly backupRoot: string; readonly setupName: string; readonly auditStep: string; readonly note?: string };
}

/**
 * The one guarded write behind apply, restore and remove (docs/ARCHITECTURE.md#one-guarded-write): re-read; stop when the
 * live document no longer matches the plan's basis (someone else changed it); back up the live document; make the
 * one write; audit it; read back and check.
 */
export async function guardedWrite<Doc, Facts>(request: GuardedWriteRequest<Doc, Facts>, op: OperationContext): Promise<StepResult> {
  const { definition: def, planName, record } = request;
  const step = def.id;
  const audit = (outcome: AuditOutcome, resource: string, backupPath: string | null, message: string) =>
    appendAudit(op.dataDir, {
      setupName: record.setupName,
      step: record.auditStep,
      action: message,
      resource,
      callerArn: op.callerArn,
      backupPath,
      outcome,
      message,
    });

  const live = request.planContext ? await readLive(def, request.planContext, request.resource) : await def.read(op, request.resource);
  if (basisOf(live.document) !== request.basis) {
    await audit('drift', live.resource, null, `live document changed since the ${planName}`);
    throw new ApiFailure(
      apiError('DRIFT', `${live.resource} changed since the ${planName} was made (someone else edited it). Nothing was written.`, {
        fix: 'Plan again, review the new diff, then confirm.',
      }),
    );
  }
  const decision = request.decide(live);
  if (decision.kind === 'refused') throw new ApiFailure(decision.error);
  if (decision.kind === 'unchanged')
    return { step, resource: live.resource, action: 'unchanged', backupPath: null, previousMissing: false, after: live.document };

  op.progress(`Backing up ${live.resource}`);
  const backupPath = await writeBackup(record.backupRoot, {
    setupName: record.setupName,
    kind: AWS_STEPS[step].backupKind,
    resource: live.resource,
    account: op.accountId,
    region: op.target.region,
    bucketOwner: op.bucketOwner,
    document: live.document,
  });
  const deleting = decision.document === null && live.document !== null;
  let action: 'created' | 'updated' | 'deleted';
  try {
    const written = await def.write(op, live, decision.document, request.planContext);
    action = deleting ? 'deleted' : written;
  } catch (err) {
    const writeAction = AWS_STEPS[step].writeAction[deleting ? 'delete' : live.document === null ? 'create' : 'update'];
    const error = toApiError(err, { action: writeAction, resource: live.resource });
    await audit('failed', live.resource, backupPath, error.message);
    // A lost response or a cancel after sending leaves the write unknown: one call, so old or new, never half-written.
    throw new ApiFailure({
      ...error,
      fix: `${error.fix ?? 'Retry.'} The write is a single call: ${live.resource} is either as it was before or fully written, never half-written. Plan again to see which (backup: ${backupPath}).`,
    });
  }
  // For a few minutes, an AccessDenied about this resource may be IAM propagation rather than a refusal (retry/consistency-reason.ts).
  currentOperation()?.recentWrites.record(live.resource);
  const following = request.afterWrite?.();
  // Settled here too, so a failure of it is never unhandled while the read-back runs; it is reported below.
  following?.catch(() => undefined);
  await audit('ok', live.resource, backupPath, record.note ?? action);
  op.progress(`Reading back ${live.resource}`);
  const after = await def.read(op, request.resource);
  await following;
  if (!request.verify(after, decision.document)) {
    throw new ApiFailure(
      apiError('AWS_ERROR', `${after.resource} was written, but reading it back does not show what the ${planName} proposed.`, {
        fix: `Plan again to see the difference; the previous document is in ${backupPath}.`,
      }),
    );
  }
  return { step, resource: after.resource, action, backupPath, previousMissing: live.document === null, after: after.document };
}
