import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { documentsEqual } from '../../shared/diff/semantic-form';
import { summarizeChanges } from '../../shared/diff/summarize-changes';
import { permissionsPolicyForSetup, PERMISSIONS_POLICY_NAME } from '../../shared/policy/build-permissions-policy';
import { getRole, getRolePolicy, putRolePolicy } from '../aws/iam';
import type { StepDefinition } from './step-definition';

/** Seed step 5: the inline policy platform-s3-sqs-access; it belongs to the wizard, so it is replaced as a whole. */
export const rolePermissionsStep: StepDefinition = {
  id: 'rolePermissions',
  async read(ctx) {
    ctx.progress(`Reading inline policy ${PERMISSIONS_POLICY_NAME} of role ${ctx.setup.roleName}`);
    const resource = `${ctx.roleArn} (inline policy ${PERMISSIONS_POLICY_NAME})`;
    // getRolePolicy answers null for a missing role too, so both reads can run together.
    const [role, document] = await Promise.all([
      getRole(ctx.target, ctx.setup.roleName, ctx.signal),
      getRolePolicy(ctx.target, ctx.setup.roleName, PERMISSIONS_POLICY_NAME, ctx.signal),
    ]);
    return { resource, document: role ? document : null, facts: { roleExists: role ? 'yes' : null } };
  },
  propose(live, ctx) {
    const document = permissionsPolicyForSetup(ctx.setup, ctx.queueArn, ctx.partition);
    const changed = live.document === null || !documentsEqual(live.document, document);
    const notes = [
      ctx.setup.objectReadScope === 'prefix' ? `Object reads are limited to keys under "${ctx.setup.prefix}" (option).` : 'Object reads cover the whole bucket (as in the platform guide).',
      ctx.setup.allowDeleteObject ? 's3:DeleteObject is granted: the platform may delete source files after ingestion (option).' : 'No s3:DeleteObject: the platform cannot delete source files.',
    ];
    return { ok: true, document, summary: summarizeChanges(live.document, document), changed, notes, warnings: [] };
  },
  async write(proposed, live, ctx) {
    if (live.facts.roleExists === null) {
      throw new ApiFailure(apiError('NOT_FOUND', `Role ${ctx.setup.roleName} does not exist yet.`, { fix: 'Apply the role trust policy step first, then this one.' }));
    }
    ctx.progress(`Writing inline policy ${PERMISSIONS_POLICY_NAME}`);
    await putRolePolicy(ctx.target, ctx.setup.roleName, PERMISSIONS_POLICY_NAME, JSON.stringify(proposed), ctx.signal);
    return live.document === null ? 'created' : 'updated';
  },
};
