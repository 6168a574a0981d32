import { ApiFailure } from '../../shared/contract/api-error';
import type { ExportBuild } from '../../shared/export/export-build';
import type { ExportInput } from '../../shared/export/export-input';
import type { FanOutDocument } from '../../shared/fanout/fan-out-document';
import { offlineNote } from '../../shared/export/export-build';
import { exportFiles } from '../../shared/export/export-files';
import { predictedQueueUrl } from '../../shared/export/predicted-queue-url';
import type { Setup } from '../../shared/setup/setup';
import { KMS_KEY_POLICY_SID } from '../../shared/policy/build-kms-key-statement';
import { AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { StepPlan } from '../../shared/steps/step-plan';
import { planSetup } from '../steps/plan-setup';
import type { PlanContext, StepContext } from '../steps/step-context';
import { STEP_DEFINITIONS } from '../steps/step-registry';
import { exportSources, type ExportSources, type StepDocuments } from './export-sources';
import { offlineStepContext } from './offline-step-context';

function build(
  setup: Setup,
  sctx: StepContext,
  sources: ExportSources,
  merged: boolean,
  live: { queueUrl: string | null; roleArn: string },
  fanOut: ExportInput['fanOut'] = null,
): ExportBuild {
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
    fanOut,
  });
  return { files, merged, accountId: sctx.accountId, notes: merged ? sources.notes : [offlineNote(sctx.accountId), ...sources.notes] };
}

/**
 * The export holds the guide's four documents only: when the queue's customer managed KMS key needs our statement, a
 * note says so (the key policy is written by the wizard's KMS key policy step, not by apply.sh).
 */
function kmsNotes(plan: StepPlan): ReadonlyArray<string> {
  const title = AWS_STEPS.kmsKeyPolicy.title;
  const change =
    plan.action === 'update'
      ? [
          `${title}: this export does not change the key policy of ${plan.resource}, which needs statement ${KMS_KEY_POLICY_SID} so that S3 can use the key. Apply the KMS key policy step with the wizard (sqs-s3-wizard apply), which adds it and keeps the other statements.`,
        ]
      : [];
  return [...change, ...plan.warnings.map((w) => `${title}: ${w}`)];
}

/** With credentials: the documents are the step plans' (read live, merged), exactly what `apply` would write. */
export async function liveExport(sctx: PlanContext): Promise<ExportBuild> {
  const setup = sctx.setup;
  const plans = new Map<AwsStepId, StepPlan>();
  for (const plan of await planSetup(sctx)) plans.set(plan.step, plan);
  const blocked = [...plans.values()].find((p) => p.blocked !== null);
  if (blocked?.blocked) {
    throw new ApiFailure({ ...blocked.blocked, message: `Nothing was exported: ${blocked.title}: ${blocked.blocked.message}` });
  }
  const planOf = (step: AwsStepId): StepPlan => plans.get(step) as StepPlan;
  const sources = exportSources(
    (step): StepDocuments => {
      const plan = planOf(step);
      return { proposed: plan.proposed, current: plan.current, notes: [...plan.warnings, ...plan.notes] };
    },
    [...planOf('queue').warnings, ...kmsNotes(planOf('kmsKeyPolicy'))],
  );
  const queue = planOf('queue');
  const fan = planOf('snsFanOut');
  const fanOut =
    fan.action !== 'unchanged' && fan.proposed
      ? {
          proposed: fan.proposed as FanOutDocument,
          base: (fan.current ?? null) as FanOutDocument | null,
          topicArn: fan.resource.split(' (')[0] ?? fan.resource,
        }
      : null;
  return build(setup, sctx, sources, true, { queueUrl: queue.current === null ? null : queue.resource, roleArn: planOf('roleTrust').resource }, fanOut);
}

/** Without credentials: each step's own `propose` against the live state it assumes offline (nothing exists yet). */
export function offlineExport(setup: Setup, accountId: string): ExportBuild {
  const sctx = offlineStepContext(setup, accountId);
  const sources = exportSources((step): StepDocuments => {
    const definition = STEP_DEFINITIONS[step];
    const live = definition.offlineLive(sctx);
    const proposal = definition.propose(live, sctx);
    if (!proposal.ok) throw new ApiFailure(proposal.error);
    return { proposed: proposal.document, current: live.document, notes: [...proposal.warnings, ...proposal.notes] };
  });
  return build(setup, sctx, sources, false, { queueUrl: null, roleArn: sctx.roleArn });
}
