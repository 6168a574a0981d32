import { documentsEqual } from '../../../shared/diff/semantic-form';
import { buildTrustPolicy } from '../../../shared/policy/build-trust-policy';
import { mergeTrustPolicy } from '../../../shared/policy/merge-trust-policy';
import { createRole, getRole, updateAssumeRolePolicy } from '../../aws/iam';
import { nameInResource } from '../resource-name';
import type { AwsCallContext } from '../step-context';
import type { StepDefinition } from '../step-definition';

/** Description set on a role the wizard creates, so other admins know what it is for. */
const ROLE_DESCRIPTION = 'Assumed by the data platform (with an external ID) to read S3 ObjectCreated events from SQS and the objects.';

/** The role whose trust policy the step reads and writes. */
interface RoleFacts {
  readonly roleName: string;
}

/** Platform guide step 4: create the role with our trust policy, or merge ours into an existing role's trust policy by Sid. */
export const roleTrustStep: StepDefinition<unknown, RoleFacts> = {
  id: 'roleTrust',
  resource: (ctx) => ctx.roleArn,
  async read(call, resource) {
    const roleName = nameInResource(resource, 'role');
    call.progress(`Reading role ${roleName}`);
    const role = await getRole(call.target, roleName, call.signal);
    return { resource: role?.arn ?? resource, document: role ? role.trustPolicy : null, facts: { roleName } };
  },
  offlineLive: (ctx) => ({ resource: ctx.roleArn, document: null, facts: { roleName: ctx.setup.roleName } }),
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
  async write(call, live, document) {
    const { roleName } = live.facts;
    const text = typeof document === 'string' ? document : JSON.stringify(document);
    if (live.document === null) {
      call.progress(`Creating role ${roleName}`);
      try {
        await createRole(call.target, roleName, text, ROLE_DESCRIPTION, call.signal);
      } catch (err) {
        if (!(await createdDespiteError(call, roleName, document))) throw err;
      }
      return 'created';
    }
    call.progress(`Updating the trust policy of role ${roleName}`);
    await updateAssumeRolePolicy(call.target, roleName, text, call.signal);
    return 'updated';
  },
};

/**
 * CreateRole is not idempotent: when its response is lost, the SDK's retry gets EntityAlreadyExists for the role the
 * first attempt created. The drift guard saw no role just before the call, so a role with exactly our trust policy now
 * is the one this call created.
 */
async function createdDespiteError(call: AwsCallContext, roleName: string, proposed: unknown): Promise<boolean> {
  const role = await getRole(call.target, roleName, call.signal).catch(() => null);
  return role !== null && documentsEqual(role.trustPolicy, proposed);
}
