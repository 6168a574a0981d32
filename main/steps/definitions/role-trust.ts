import { apiError } from '../../../shared/contract/api-error';
import { documentsEqual } from '../../../shared/diff/semantic-form';
import { createdByThisSetup } from '../../../shared/neighbours/neighbour-setups';
import { describeNeighbours } from '../../../shared/neighbours/neighbourhood';
import { isJsonObject } from '../../../shared/diff/json-object';
import { dedicatedRoleName, otherRoleUsers, replacedTrustStatements } from '../../../shared/neighbours/role-users';
import { readableStatements } from '../../../shared/neighbours/policy-statements';
import { buildTrustPolicy, TRUST_POLICY_SIDS } from '../../../shared/policy/build-trust-policy';
import { mergeTrustPolicy } from '../../../shared/policy/merge-trust-policy';
import { withoutOurStatements } from '../../../shared/policy/remove-ours';
import { ownerTags } from '../../../shared/setup/ownership';
import { createRole, deleteRole, getRole, updateAssumeRolePolicy } from '../../aws/iam';
import { nameInResource } from '../resource-name';
import type { AwsCallContext, PlanContext } from '../step-context';
import type { StepDefinition } from '../step-definition';

/** Description set on a role the wizard creates, so other admins know what it is for. */
const ROLE_DESCRIPTION = 'Assumed by the data platform (with an external ID) to read S3 ObjectCreated events from SQS and the objects.';

/** The role whose trust policy the step reads and writes, and its tags as read (null: no such role). */
interface RoleFacts {
  readonly roleName: string;
  readonly tags: Readonly<Record<string, string>> | null;
}

/** This setup's trust document (the platform's two roles, each with the external ID). */
function ourTrust(ctx: PlanContext) {
  return buildTrustPolicy({
    platformSetupRoleArn: ctx.setup.platformSetupRoleArn,
    platformLoadRoleArn: ctx.setup.platformLoadRoleArn,
    externalId: ctx.setup.externalId,
  });
}

/** Platform guide step 4: create the role (tagged with the setup) with our trust policy, or merge ours into an existing role's trust policy by Sid. */
export const roleTrustStep: StepDefinition<unknown, RoleFacts> = {
  id: 'roleTrust',
  // A role its write creates gets the setup's tags.
  changesNeighbourhood: ['role'],
  resource: (ctx) => ctx.roleArn,
  async read(call, resource) {
    const roleName = nameInResource(resource, 'role');
    call.progress(`Reading role ${roleName}`);
    const role = await getRole(call.target, roleName, call.signal);
    return { resource: role?.arn ?? resource, document: role ? role.trustPolicy : null, facts: { roleName, tags: role?.tags ?? null } };
  },
  offlineLive: (ctx) => ({ resource: ctx.roleArn, document: null, facts: { roleName: ctx.setup.roleName, tags: null } }),
  propose(live, ctx) {
    const ours = ourTrust(ctx);
    const users = live.document === null ? [] : otherRoleUsers(ctx);
    const replaced = replacedTrustStatements(live.document, ours);
    if (users.length > 0 && replaced.length > 0) {
      const error = apiError(
        'CONFLICT',
        `Role ${ctx.setup.roleName} is used by ${describeNeighbours(users)}, and its trust statements ${replaced.join(', ')} name other platform roles or another external ID: replacing them would lock that platform out, and sharing the role would let each platform read the other's data.`,
        { fix: `Choose another role name for this setup (Edit scope), e.g. ${dedicatedRoleName(ctx.setup)}; the wizard creates it.` },
      );
      return { ok: false, error };
    }
    const merged = mergeTrustPolicy(live.document, ours);
    if (!merged.ok) return merged;
    const warnings =
      users.length > 0
        ? [
            `Role ${ctx.setup.roleName} is shared with ${describeNeighbours(users)}: whoever may assume it can use every permission it has. This setup adds only its own inline policy.`,
          ]
        : [];
    const notes =
      live.document === null
        ? [...merged.notes, 'The new role is tagged with this setup (sqs-s3-wizard:setup), so other wizards see whose it is.']
        : merged.notes;
    return { ...merged, notes, warnings };
  },
  proposeRemoval(live, ctx) {
    if (live.document === null) return { kind: 'keep', notes: ['The role does not exist.'] };
    const users = otherRoleUsers(ctx);
    if (users.length > 0) return { kind: 'keep', notes: [`Kept with its trust statements: the role is also used by ${describeNeighbours(users)}.`] };
    const ourSids = new Set<string>(Object.values(TRUST_POLICY_SIDS));
    const isOurs = (s: unknown) => isJsonObject(s) && typeof s['Sid'] === 'string' && ourSids.has(s['Sid']);
    const others = readableStatements(live.document).filter((s) => !isOurs(s));
    const n = ctx.neighbourhood;
    if (createdByThisSetup(ctx.setup, n, n.own?.ownership?.role?.created, live.facts.tags) && others.length === 0) {
      return {
        kind: 'write',
        document: null,
        summary: [{ kind: 'removed', label: `Role ${ctx.setup.roleName}, the whole role with its trust policy (created by this setup)` }],
        notes: ['Nothing else uses the role: no other trust statement, inline or managed policy, saved setup or tag.'],
        warnings: [
          `This deletes the whole role ${ctx.setup.roleName}, not only its trust policy: the platform can no longer assume it. The role was created by this setup and nothing else uses it.`,
        ],
      };
    }
    const removal = withoutOurStatements(live.document, isOurs, 'trust policy');
    if (!removal.ok) return { kind: 'blocked', error: removal.error };
    if (!removal.removed) return { kind: 'keep', notes: ['The trust policy has no statement of this setup.'] };
    // IAM refuses an empty trust policy, and a role this setup did not create is not its to delete.
    if (removal.document === null) return { kind: 'keep', notes: ['Kept: the role was there before this setup, and a trust policy cannot be empty.'] };
    return { kind: 'write', document: removal.document, summary: removal.summary, notes: ['Every other trust statement is kept as it is.'] };
  },
  async write(call, live, document, ctx) {
    const { roleName } = live.facts;
    if (document === null) {
      call.progress(`Deleting role ${roleName}`);
      await deleteRole(call.target, roleName, call.signal);
      return 'updated';
    }
    const text = typeof document === 'string' ? document : JSON.stringify(document);
    if (live.document === null) {
      call.progress(`Creating role ${roleName}`);
      try {
        await createRole(call.target, roleName, text, ROLE_DESCRIPTION, call.signal, ctx ? ownerTags(ctx.setup) : {});
      } catch (err) {
        if (!(await createdDespiteError(call, roleName, document))) throw err;
      }
      return 'created';
    }
    call.progress(`Updating the trust policy of role ${roleName}`);
    await updateAssumeRolePolicy(call.target, roleName, text, call.signal);
    return 'updated';
  },
  owns: (ctx, created) => ({ role: { name: ctx.setup.roleName, created }, trustSids: Object.values(TRUST_POLICY_SIDS) }),
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
