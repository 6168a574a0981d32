import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { documentsEqual } from '../../../shared/diff/semantic-form';
import { summarizeChanges } from '../../../shared/diff/summarize-changes';
import { permissionsPolicyForSetup, PERMISSIONS_POLICY_NAME } from '../../../shared/policy/build-permissions-policy';
import { getRole, getRolePolicy, putRolePolicy } from '../../aws/iam';
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

/** Platform guide step 5: the inline policy platform-s3-sqs-access; it belongs to the wizard, so it is replaced as a whole. */
export const rolePermissionsStep: StepDefinition<unknown, InlinePolicyFacts> = {
  id: 'rolePermissions',
  resource: (ctx) => `${ctx.roleArn} (inline policy ${PERMISSIONS_POLICY_NAME})`,
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
    facts: { roleName: ctx.setup.roleName, policyName: PERMISSIONS_POLICY_NAME, roleExists: false },
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
    ];
    return { ok: true, document, summary: summarizeChanges(live.document, document), changed, notes, warnings: [] };
  },
  async write(call, live, document) {
    const { roleName, policyName } = live.facts;
    if (!live.facts.roleExists) {
      throw new ApiFailure(apiError('NOT_FOUND', `Role ${roleName} does not exist yet.`, { fix: 'Apply the role trust policy step first, then this one.' }));
    }
    call.progress(`Writing inline policy ${policyName}`);
    await putRolePolicy(call.target, roleName, policyName, typeof document === 'string' ? document : JSON.stringify(document), call.signal);
    return live.document === null ? 'created' : 'updated';
  },
};
