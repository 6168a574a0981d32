import type { DoctorReport } from '../../shared/diagnostics/diagnostic-check';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import type { SetupOwnership } from '../../shared/setup/ownership';
import type { StepResult } from '../../shared/steps/step-plan';
import type { PlanContext } from '../steps/step-context';
import type { AnyStepDefinition } from '../steps/step-definition';
import { getSetup, markSetup, markSetupIfSaved, type SetupRecord } from '../store/setups';

/** Ownership merged with what one applied step claims; a resource once created by the setup stays recorded as created. */
function mergedOwnership(record: SetupRecord, claim: Partial<SetupOwnership>): SetupOwnership {
  const previous: SetupOwnership = record.ownership ?? {
    tagName: record.setup.name,
    queue: null,
    notificationId: null,
    queuePolicySid: null,
    kmsKeySid: null,
    fanOut: null,
    role: null,
    trustSids: [],
    inlinePolicy: null,
  };
  return {
    ...previous,
    ...claim,
    queue: claim.queue ? { ...claim.queue, created: claim.queue.created || previous.queue?.created === true } : previous.queue,
    role: claim.role ? { ...claim.role, created: claim.role.created || previous.role?.created === true } : previous.role,
  };
}

/**
 * After a step is applied (or found unchanged), the saved setup (if any) records the account, the ARNs/URL and what the
 * setup owns through the step; the last step marks a draft, removed or needs-attention setup applied.
 */
export async function markApplied(ctx: PlanContext, def: AnyStepDefinition, result: StepResult): Promise<void> {
  const ids = {
    accountId: ctx.accountId,
    queueArn: ctx.queueArn,
    roleArn: ctx.roleArn,
    ...(result.step === 'queue' && result.resource.startsWith('http') ? { queueUrl: result.resource } : {}),
  };
  const claim = def.owns(ctx, result.action === 'created', result.after);
  // Merged with the record as it is when written: an apply run's chains record their steps side by side.
  await markSetupIfSaved(ctx.dataDir, ctx.setup.name, (record) => {
    const done = result.step === 'rolePermissions' && record.status !== 'applied' && record.status !== 'verified';
    const applied = done ? { status: 'applied' as const, appliedAt: new Date().toISOString(), attention: [] } : {};
    return { ...ids, ownership: mergedOwnership(record, claim), ...applied };
  });
}

/** After the last document of a removal: the setup stays listed as removed, and can be applied again or deleted. */
export async function markRemoved(ctx: PlanContext): Promise<void> {
  await markSetupIfSaved(ctx.dataDir, ctx.setup.name, { status: 'removed', removedAt: new Date().toISOString(), attention: [] });
}

/**
 * Honest status after diagnostics: a failing check makes the setup "needs attention" (naming the checks); a clean run
 * clears it (verified again when the live test ran and passed, else applied).
 */
export async function markDiagnosed(dataDir: string, name: string, report: DoctorReport): Promise<void> {
  const record = await getSetup(dataDir, name);
  if (!record || record.status === 'draft' || record.status === 'removed') return;
  const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.title);
  if (failing.length > 0) {
    await markSetup(dataDir, name, { status: 'needs-attention', attention: failing });
    return;
  }
  const livePassed = report.checks.some((c) => c.id === 'live-test' && c.status === 'pass');
  if (livePassed) await markSetup(dataDir, name, { status: 'verified', verifiedAt: report.checkedAt, attention: [] });
  else if (record.status === 'needs-attention') await markSetup(dataDir, name, { status: 'applied', attention: [] });
}

/** After a live test: a pass marks the setup verified; a failure marks it needs attention with the diagnosis. */
export async function markLiveTested(dataDir: string, name: string, result: LiveTestResult): Promise<void> {
  const record = await getSetup(dataDir, name);
  if (!record || record.status === 'draft' || record.status === 'removed') return;
  if (result.ok) await markSetup(dataDir, name, { status: 'verified', verifiedAt: result.finishedAt, attention: [] });
  else await markSetup(dataDir, name, { status: 'needs-attention', attention: [`Live test: ${result.diagnosis ?? 'the event did not arrive'}`] });
}
