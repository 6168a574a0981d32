import type { StepResult } from '../../shared/steps/step-plan';
import { getSetup, markSetup } from '../store/setups';
import type { StepContext } from '../steps/step-context';

/** After a step is applied, the saved setup (if any) records the account and the ARNs/URL; the last step marks it applied. */
export async function markApplied(ctx: StepContext, result: StepResult): Promise<void> {
  const record = await getSetup(ctx.dataDir, ctx.setup.name);
  if (!record) return;
  const ids = {
    accountId: ctx.accountId,
    queueArn: ctx.queueArn,
    roleArn: ctx.roleArn,
    ...(result.step === 'queue' && result.resource.startsWith('http') ? { queueUrl: result.resource } : {}),
  };
  const applied = result.step === 'rolePermissions' && record.status === 'draft' ? { status: 'applied' as const, appliedAt: new Date().toISOString() } : {};
  await markSetup(ctx.dataDir, ctx.setup.name, { ...ids, ...applied });
}
