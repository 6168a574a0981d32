import { permissionsPolicyGrants } from '../../policy-eval/permissions-policy-grants';
import { PERMISSIONS_POLICY_NAME } from '../../policy/build-permissions-policy';
import type { AccountSnapshot, InlinePolicy } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';
import { requiredPermissions, type RequiredPermission } from '../required-permissions';

const TITLE = 'Permissions policy grants every required action';
const STEP_FIX = `Apply the role permissions policy step (it writes the inline policy ${PERMISSIONS_POLICY_NAME}).`;
const NOT_READ = 'Attached managed policies and permission boundaries were not read, so a Deny in them would not be seen.';

/** A required pair the inline policies do not allow, and the explicit Deny behind it, if any. */
interface Refusal {
  readonly need: RequiredPermission;
  readonly deny: { readonly statement: string; readonly policy: string } | null;
}

function refusalsOf(needed: ReadonlyArray<RequiredPermission>, inline: ReadonlyArray<InlinePolicy>): ReadonlyArray<Refusal> {
  const all = inline.map((p) => p.document);
  return needed.flatMap((need): ReadonlyArray<Refusal> => {
    const d = permissionsPolicyGrants({ policies: all, action: need.action, resource: need.resource });
    if (d.allowed) return [];
    if (d.decidedBy === null) return [{ need, deny: null }];
    // The engine names the statement; the policy holding it is the one that denies on its own.
    const holder = inline.find((p) => {
      const alone = permissionsPolicyGrants({ policies: [p.document], action: need.action, resource: need.resource });
      return !alone.allowed && alone.decidedBy === d.decidedBy;
    });
    return [{ need, deny: { statement: d.decidedBy, policy: holder?.name ?? '(unknown)' } }];
  });
}

function refusalText(r: Refusal): string {
  const what = `${r.need.action} on ${r.need.resource}`;
  return r.deny ? `${what} (explicitly denied by statement ${r.deny.statement} of inline policy ${r.deny.policy})` : what;
}

/** Each required action on the right resource: IAM's simulator when the account allows it, else the policy engine over every inline policy. */
export function permissionsCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  // Without GetRole the inline policies can still be evaluated; only a role known to be missing skips the check.
  if (!s.role && !s.readErrors.role) return check('permissions', TITLE, 'skip', 'No role to read.');
  const needed = requiredPermissions(c);
  if (s.simulation.available) {
    const results = s.simulation.results;
    const denied = needed.filter((n) => !results.some((r) => r.action === n.action && r.resource === n.resource && r.decision === 'allowed'));
    if (denied.length > 0)
      return check(
        'permissions',
        TITLE,
        'fail',
        `Evaluated by iam:SimulatePrincipalPolicy. Not allowed: ${denied.map((d) => `${d.action} on ${d.resource}`).join(', ')}.`,
        STEP_FIX,
        'rolePermissions',
      );
    return check('permissions', TITLE, 'pass', `Evaluated by iam:SimulatePrincipalPolicy: all ${needed.length} action/resource pairs allowed.`);
  }
  if (s.readErrors.permissions) return readFailedCheck('permissions', TITLE, s.readErrors.permissions);
  if (!s.inlinePolicies) return check('permissions', TITLE, 'skip', 'No role to read.');
  const names = s.inlinePolicies.map((p) => p.name).join(', ') || 'none';
  const how = `Evaluated by the wizard's policy engine over the role's inline policies (${names}), because ${s.simulation.reason}.`;
  const refusals = refusalsOf(needed, s.inlinePolicies);
  if (refusals.length === 0) return check('permissions', TITLE, 'pass', `${how} All ${needed.length} action/resource pairs allowed. ${NOT_READ}`);
  const detail = `${how} Not allowed: ${refusals.map(refusalText).join(', ')}. ${NOT_READ}`;
  // The permissions step rewrites only its own policy, so it cannot lift a Deny kept in another one.
  const foreign = refusals.find((r) => r.deny && r.deny.policy !== PERMISSIONS_POLICY_NAME)?.deny;
  if (foreign) {
    const fix = `Remove or narrow statement ${foreign.statement} in inline policy ${foreign.policy} of role ${c.setup.roleName} (IAM console > Roles > ${c.setup.roleName} > Permissions): an explicit Deny wins over any Allow.`;
    return check('permissions', TITLE, 'fail', detail, fix);
  }
  return check('permissions', TITLE, 'fail', detail, STEP_FIX, 'rolePermissions');
}
