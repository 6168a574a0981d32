import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { documentsEqual } from '../../../shared/diff/semantic-form';
import { summarizeChanges } from '../../../shared/diff/summarize-changes';
import { grantsResource } from '../../../shared/neighbours/policy-statements';
import { ownInlinePolicyName } from '../../../shared/neighbours/role-users';
import { permissionsPolicyForSetup, PERMISSIONS_POLICY_NAME } from '../../../shared/policy/build-permissions-policy';
import { deleteRolePolicy, getRole, getRolePolicy, putRolePolicy } from '../../aws/iam';
import { nameInResource } from '../resource-name';
import type { StepDefinition } from '../step-definition';

/** The role and inline policy the step reads and writes, and whether the role exists (the policy needs it). */
interface InlinePolicyFacts {
  readonly roleName: string;
  readonly policyName: string;
  readonly roleExists: boolean;
}

/** How the resource names the inline policy after the role's ARN (what backups record). */
const INLINE_POLICY_NOTE = /\(inline policy ([\w+=,.@-]+)\)$/;

/**
 * Platform guide step 5: the setup's own inline policy (platform-s3-sqs-access, or one per setup on a role that
 * serves another setup too); it belongs to the setup, so it is replaced as a whole.
 */
export const rolePermissionsStep: StepDefinition<unknown, InlinePolicyFacts> = {
  id: 'rolePermissions',
  // Its write changes the role's inline policies.
  changesNeighbourhood: ['role'],
  resource: (ctx) => `${ctx.roleArn} (inline policy ${ownInlinePolicyName(ctx)})`,
  async read(call, resource) {
    const roleName = nameInResource(resource, 'role');
    const policyName = INLINE_POLICY_NOTE.exec(resource)?.[1] ?? PERMISSIONS_POLICY_NAME;
    call.progress(`Reading inline policy ${policyName} of role ${roleName}`);
    // getRolePolicy answers null for a missing role too, so both reads can run together.
    const [role, document] = await Promise.all([getRole(call.target, roleName, call.signal), getRolePolicy(call.target, roleName, policyName, call.signal)]);
    return { resource, document: role ? document : null, facts: { roleName, policyName, roleExists: role !== null } };
  },
  offlineLive: (ctx) => ({
    resource: rolePermissionsStep.resource(ctx),
    document: null,
    facts: { roleName: ctx.setup.roleName, policyName: ownInlinePolicyName(ctx), roleExists: false },
  }),
  propose(live, ctx) {
    const document = permissionsPolicyForSetup(ctx.setup, ctx.queueArn, ctx.partition);
    const changed = live.document === null || !documentsEqual(live.document, document);
    const notes = [
      ctx.setup.objectReadScope === 'prefix'
        ? `Object reads are limited to keys under "${ctx.setup.prefix}" (option).`
        : 'Object reads cover the whole bucket (as in the platform guide).',
      ctx.setup.allowDeleteObject
        ? 's3:DeleteObject is granted: the platform may delete source files after ingestion (option).'
        : 'No s3:DeleteObject: the platform cannot delete source files.',
      ...(live.facts.policyName === PERMISSIONS_POLICY_NAME
        ? []
        : [`This setup's own inline policy is ${live.facts.policyName}: ${PERMISSIONS_POLICY_NAME} on this role serves another setup, and is kept as it is.`]),
    ];
    return { ok: true, document, summary: summarizeChanges(live.document, document), changed, notes, warnings: [] };
  },
  proposeRemoval(live, ctx) {
    if (live.document === null) return { kind: 'keep', notes: [`The role has no inline policy ${live.facts.policyName}.`] };
    // Ours by record, or because it grants this setup's queue; another queue's policy is someone else's.
    const ours = ctx.neighbourhood.own?.ownership?.inlinePolicy === live.facts.policyName || grantsResource(live.document, ctx.queueArn);
    if (!ours) return { kind: 'keep', notes: [`Kept: inline policy ${live.facts.policyName} does not grant this setup's queue, so it is someone else's.`] };
    return { kind: 'write', document: null, summary: [{ kind: 'removed', label: `Inline policy ${live.facts.policyName}` }], notes: [] };
  },
  async write(call, live, document) {
    const { roleName, policyName } = live.facts;
    if (document === null) {
      call.progress(`Deleting inline policy ${policyName}`);
      await deleteRolePolicy(call.target, roleName, policyName, call.signal);
      return 'updated';
    }
    if (!live.facts.roleExists) {
      throw new ApiFailure(apiError('NOT_FOUND', `Role ${roleName} does not exist yet.`, { fix: 'Apply the role trust policy step first, then this one.' }));
    }
    call.progress(`Writing inline policy ${policyName}`);
    await putRolePolicy(call.target, roleName, policyName, typeof document === 'string' ? document : JSON.stringify(document), call.signal);
    return live.document === null ? 'created' : 'updated';
  },
  owns: (ctx) => ({ inlinePolicy: ownInlinePolicyName(ctx) }),
};
