import { apiError, ApiFailure } from '../../shared/contract/api-error';
import type { ExportBuild } from '../../shared/export/export-build';
import { offlineNote } from '../../shared/export/export-build';
import { exportFiles } from '../../shared/export/export-files';
import { predictedQueueUrl } from '../../shared/export/predicted-queue-url';
import type { Setup } from '../../shared/setup/setup';
import { STEP_IDS, type StepId } from '../../shared/steps/step-ids';
import type { StepPlan } from '../../shared/steps/step-plan';
import type { HandlerContext } from '../api/handler-context';
import { planStep } from '../steps/plan-step';
import { stepContext, type StepContext } from '../steps/step-context';
import { STEPS } from '../steps/step-registry';
import { exportSources, type ExportSources, type StepDocuments } from './export-sources';
import { offlineStepContext } from './offline-step-context';

function build(setup: Setup, sctx: StepContext, sources: ExportSources, merged: boolean, live: { queueUrl: string | null; roleArn: string }): ExportBuild {
  const queueUrl = live.queueUrl ?? predictedQueueUrl(setup.region, sctx.accountId, setup.queueName);
  const files = exportFiles({
    setup,
    accountId: sctx.accountId,
    merged,
    exportedAt: new Date().toISOString(),
    proposed: sources.proposed,
    base: sources.base,
    registration: {
      region: setup.region,
      queueUrl,
      queueArn: sctx.queueArn,
      roleArn: live.roleArn,
      externalId: setup.externalId,
      bucket: setup.bucket,
      prefix: setup.prefix,
      suffix: setup.suffix,
    },
    queueUrlPredicted: live.queueUrl === null,
    notes: sources.notes,
  });
  return { files, merged, accountId: sctx.accountId, notes: merged ? sources.notes : [offlineNote(sctx.accountId), ...sources.notes] };
}

/** With credentials: the documents are the step plans' (read live, merged), exactly what `apply` would write. */
async function liveExport(setup: Setup, ctx: HandlerContext): Promise<ExportBuild> {
  const sctx = stepContext(setup, ctx);
  const plans = new Map<StepId, StepPlan>();
  for (const plan of await Promise.all(STEP_IDS.map((id) => planStep(STEPS[id], sctx)))) plans.set(plan.step, plan);
  const blocked = [...plans.values()].find((p) => p.blocked !== null);
  if (blocked?.blocked) {
    throw new ApiFailure({ ...blocked.blocked, message: `Nothing was exported: ${blocked.title}: ${blocked.blocked.message}` });
  }
  const planOf = (step: StepId): StepPlan => plans.get(step) as StepPlan;
  const sources = exportSources((step): StepDocuments => {
    const plan = planOf(step);
    return { proposed: plan.proposed, current: plan.current, notes: [...plan.warnings, ...plan.notes] };
  }, planOf('queue').warnings);
  const queue = planOf('queue');
  return build(setup, sctx, sources, true, { queueUrl: queue.current === null ? null : queue.resource, roleArn: planOf('roleTrust').resource });
}

/** Without credentials: each step's own `propose` against an absent live document (the notification: none). */
function offlineExport(setup: Setup, accountId: string, ctx: HandlerContext): ExportBuild {
  const sctx = offlineStepContext(setup, accountId, ctx);
  const sources = exportSources((step): StepDocuments => {
    const current = step === 'bucketNotification' ? {} : null;
    const proposal = STEPS[step].propose({ resource: '', document: current, facts: {} }, sctx);
    if (!proposal.ok) throw new ApiFailure(proposal.error);
    return { proposed: proposal.document, current, notes: [...proposal.warnings, ...proposal.notes] };
  });
  return build(setup, sctx, sources, false, { queueUrl: null, roleArn: sctx.roleArn });
}

/**
 * export.build (issue "Exports"): the change-control folder. With an account id it works offline and says the
 * documents were not merged; otherwise it needs a connection and merges with the live documents.
 */
export async function buildExport(setup: Setup, accountId: string | undefined, ctx: HandlerContext): Promise<ExportBuild> {
  if (accountId !== undefined) return offlineExport(setup, accountId, ctx);
  if (ctx.session.current() === null) {
    throw new ApiFailure(
      apiError('NOT_CONNECTED', 'Not connected to AWS: an export reads the live documents to merge with.', {
        fix: 'Connect, or pass --account-id (the GUI: give the account ID) to export offline without merging.',
      }),
    );
  }
  return liveExport(setup, ctx);
}
