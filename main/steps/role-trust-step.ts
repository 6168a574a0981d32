import { documentsEqual } from '../../shared/diff/semantic-form';
import { buildTrustPolicy } from '../../shared/policy/build-trust-policy';
import { mergeTrustPolicy } from '../../shared/policy/merge-trust-policy';
import { createRole, getRole, updateAssumeRolePolicy } from '../aws/iam';
import type { StepContext } from './step-context';
import type { StepDefinition } from './step-definition';

/** Description set on a role the wizard creates, so other admins know what it is for. */
const ROLE_DESCRIPTION = 'Assumed by the data platform (with an external ID) to read S3 ObjectCreated events from SQS and the objects.';

/** Seed step 4: create the role with our trust policy, or merge ours into an existing role's trust policy by Sid. */
export const roleTrustStep: StepDefinition = {
  id: 'roleTrust',
  async read(ctx) {
    ctx.progress(`Reading role ${ctx.setup.roleName}`);
    const role = await getRole(ctx.target, ctx.setup.roleName, ctx.signal);
    return { resource: role?.arn ?? ctx.roleArn, document: role ? role.trustPolicy : null, facts: { roleArn: role?.arn ?? null } };
  },
  propose(live, ctx) {
    const ours = buildTrustPolicy({
      platformSetupRoleArn: ctx.setup.platformSetupRoleArn,
      platformLoadRoleArn: ctx.setup.platformLoadRoleArn,
      externalId: ctx.setup.externalId,
    });
    const merged = mergeTrustPolicy(live.document, ours);
    if (!merged.ok) return merged;
    return { ...merged, warnings: [] };
  },
  async write(proposed, live, ctx) {
    if (live.document === null) {
      ctx.progress(`Creating role ${ctx.setup.roleName}`);
      try {
        await createRole(ctx.target, ctx.setup.roleName, JSON.stringify(proposed), ROLE_DESCRIPTION, ctx.signal);
      } catch (err) {
        if (!(await createdDespiteError(ctx, proposed))) throw err;
      }
      return 'created';
    }
    ctx.progress(`Updating the trust policy of role ${ctx.setup.roleName}`);
    await updateAssumeRolePolicy(ctx.target, ctx.setup.roleName, JSON.stringify(proposed), ctx.signal);
    return 'updated';
  },
};

/**
 * CreateRole is not idempotent: when its response is lost, the SDK's retry gets EntityAlreadyExists for the role the
 * first attempt created. The drift guard saw no role just before the call, so a role with exactly our trust policy now
 * is the one this call created.
 */
async function createdDespiteError(ctx: StepContext, proposed: unknown): Promise<boolean> {
  const role = await getRole(ctx.target, ctx.setup.roleName, ctx.signal).catch(() => null);
  return role !== null && documentsEqual(role.trustPolicy, proposed);
}
