import { permissionsPolicyGrants } from '../../policy-eval/permissions-policy-grants';
import { trustPolicyAllowsAssume } from '../../policy-eval/trust-policy-allows-assume';
import type { AccountSnapshot } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';
import { requiredPermissions } from '../required-permissions';

/** The role the platform assumes exists. */
export function roleCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Role exists';
  if (s.readErrors.role) return readFailedCheck('role', title, s.readErrors.role);
  if (!s.role) return check('role', title, 'fail', `Role ${c.setup.roleName} does not exist.`, 'Apply the role trust policy step (it creates the role).', 'roleTrust');
  return check('role', title, 'pass', `Role ${s.role.arn}.`);
}

/** Both platform roles may assume the role with the external ID; warns when one may without it (confused deputy). */
export function trustCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Trust policy lets both platform roles assume with the external ID';
  if (s.readErrors.role) return readFailedCheck('trust', title, s.readErrors.role);
  if (!s.role) return check('trust', title, 'skip', 'No role to read.');
  const fix = 'Apply the role trust policy step (it replaces our two statements by Sid and keeps the others).';
  const lines: string[] = [];
  for (const principal of [c.setup.platformSetupRoleArn, c.setup.platformLoadRoleArn]) {
    const d = trustPolicyAllowsAssume({ policy: s.role.trustPolicy, principalArn: principal, externalId: c.setup.externalId });
    if (!d.allowed) return check('trust', title, 'fail', `${principal} may not assume the role with external ID ${c.setup.externalId}: ${d.reason}`, fix, 'roleTrust');
    const without = trustPolicyAllowsAssume({ policy: s.role.trustPolicy, principalArn: principal, externalId: null });
    if (without.allowed) lines.push(`${principal} may also assume it WITHOUT the external ID (statement ${without.decidedBy ?? '?'}).`);
    else lines.push(`${principal}: allowed by ${d.decidedBy ?? '(unnamed)'}.`);
  }
  const risky = lines.some((l) => l.includes('WITHOUT'));
  return check('trust', title, risky ? 'warn' : 'pass', lines.join(' '), risky ? 'Remove the statement that allows assuming the role without sts:ExternalId.' : null, risky ? 'roleTrust' : null);
}

/** Each required action on the right resource: IAM's simulator when the account allows it, else the policy engine. */
export function permissionsCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Permissions policy grants every required action';
  // Without GetRole the inline policy can still be evaluated; only a role known to be missing skips the check.
  if (!s.role && !s.readErrors.role) return check('permissions', title, 'skip', 'No role to read.');
  const needed = requiredPermissions(c);
  const fix = 'Apply the role permissions policy step (it writes the inline policy platform-s3-sqs-access).';
  if (s.simulation.available) {
    const denied = needed.filter((n) => !s.simulation.available || !s.simulation.results.some((r) => r.action === n.action && r.resource === n.resource && r.decision === 'allowed'));
    if (denied.length > 0) return check('permissions', title, 'fail', `Evaluated by iam:SimulatePrincipalPolicy. Not allowed: ${denied.map((d) => `${d.action} on ${d.resource}`).join(', ')}.`, fix, 'rolePermissions');
    return check('permissions', title, 'pass', `Evaluated by iam:SimulatePrincipalPolicy: all ${needed.length} action/resource pairs allowed.`);
  }
  if (s.readErrors.permissions) return readFailedCheck('permissions', title, s.readErrors.permissions);
  const policies = s.permissionsPolicy ? [s.permissionsPolicy] : [];
  const denied = needed.filter((n) => !permissionsPolicyGrants({ policies, action: n.action, resource: n.resource }).allowed);
  const how = `Evaluated by the wizard's policy engine over inline policy platform-s3-sqs-access, because ${s.simulation.reason}.`;
  if (denied.length > 0) return check('permissions', title, 'fail', `${how} Not allowed: ${denied.map((d) => `${d.action} on ${d.resource}`).join(', ')}.`, fix, 'rolePermissions');
  return check('permissions', title, 'pass', `${how} All ${needed.length} action/resource pairs allowed.`);
}
