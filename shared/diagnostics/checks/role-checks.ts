import { trustPolicyAllowsAssume } from '../../policy-eval/trust-policy-allows-assume';
import type { AccountSnapshot } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';

/** The role the platform assumes exists. */
export function roleCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Role exists';
  if (s.readErrors.role) return readFailedCheck('role', title, s.readErrors.role);
  if (!s.role)
    return check('role', title, 'fail', `Role ${c.setup.roleName} does not exist.`, 'Apply the role trust policy step (it creates the role).', 'roleTrust');
  return check('role', title, 'pass', `Role ${s.role.arn}.`);
}

/** Both platform roles may assume the role with the external ID; warns when one may without it (confused deputy). */
export function trustCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Trust policy lets both platform roles assume with the external ID';
  if (s.readErrors.role) return readFailedCheck('trust', title, s.readErrors.role);
  if (!s.role) return check('trust', title, 'skip', 'No role to read.');
  const fix = 'Apply the role trust policy step (it replaces our two statements by Sid and keeps the others).';
  const lines: string[] = [];
  let risky = false;
  for (const principal of [c.setup.platformSetupRoleArn, c.setup.platformLoadRoleArn]) {
    const d = trustPolicyAllowsAssume({ policy: s.role.trustPolicy, principalArn: principal, externalId: c.setup.externalId });
    if (!d.allowed)
      return check('trust', title, 'fail', `${principal} may not assume the role with external ID ${c.setup.externalId}: ${d.reason}`, fix, 'roleTrust');
    const without = trustPolicyAllowsAssume({ policy: s.role.trustPolicy, principalArn: principal, externalId: null });
    // Without the external ID any of the platform's customers could make the platform assume this role (confused deputy).
    risky ||= without.allowed;
    lines.push(
      without.allowed
        ? `${principal} may also assume it WITHOUT the external ID (statement ${without.decidedBy ?? '?'}).`
        : `${principal}: allowed by ${d.decidedBy ?? '(unnamed)'}.`,
    );
  }
  return check(
    'trust',
    title,
    risky ? 'warn' : 'pass',
    lines.join(' '),
    risky ? 'Remove the statement that allows assuming the role without sts:ExternalId.' : null,
    risky ? 'roleTrust' : null,
  );
}
