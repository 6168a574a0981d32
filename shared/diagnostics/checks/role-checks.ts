import { trustPolicyAllowsAssume } from '../../policy-eval/trust-policy-allows-assume';
import type { PolicyDecision } from '../../policy-eval/policy-request';
import type { AccountSnapshot } from '../account-snapshot';
import { evidenceOf, type CheckEvidence } from '../check-evidence';
import { check, withEvidence, type DiagnosticCheck } from '../diagnostic-check';
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

/** The notes an answer carries (undocumented cases it decided the safe way). */
function notesOf(d: PolicyDecision): string {
  return d.caveats.map((x) => ` Note: ${x}.`).join('');
}

/**
 * Both platform roles may assume the role with the external ID; warns when one may without it (confused deputy), and
 * when the answer depends on what the check cannot know (the network, the organisation) or cannot evaluate.
 */
export function trustCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Trust policy lets both platform roles assume with the external ID';
  if (s.readErrors.role) return readFailedCheck('trust', title, s.readErrors.role);
  if (!s.role) return check('trust', title, 'skip', 'No role to read.');
  const fix = 'Apply the role trust policy step (it replaces our two statements by Sid and keeps the others).';
  const lines: string[] = [];
  const evidence: CheckEvidence[] = [];
  const roleArn = s.role.arn;
  let risky = false;
  let open = false;
  for (const principal of [c.setup.platformSetupRoleArn, c.setup.platformLoadRoleArn]) {
    const ask = (externalId: string | null) =>
      trustPolicyAllowsAssume({ policy: s.role?.trustPolicy, principalArn: principal, externalId, roleAccount: c.accountId });
    const d = ask(c.setup.externalId);
    evidence.push(evidenceOf(`${principal} with external ID ${c.setup.externalId}`, 'sts:AssumeRole', roleArn, d));
    if (d.status === 'denied')
      return withEvidence(
        check(
          'trust',
          title,
          'fail',
          `${principal} may not assume the role with external ID ${c.setup.externalId}: ${d.reason}${notesOf(d)}`,
          fix,
          'roleTrust',
        ),
        evidence,
      );
    const without = ask(null);
    // Shown only when it matters: assuming the role without the external ID should be refused.
    if (without.status !== 'denied') evidence.push(evidenceOf(`${principal} WITHOUT an external ID`, 'sts:AssumeRole', roleArn, without));
    // Without the external ID any of the platform's customers could make the platform assume this role (confused deputy).
    risky ||= without.allowed;
    open ||= d.status !== 'allowed' || (without.status !== 'allowed' && without.status !== 'denied');
    if (d.status !== 'allowed') lines.push(`Cannot be sure that ${principal} may assume the role with the external ID: ${d.reason}${notesOf(d)}`);
    else if (without.allowed) lines.push(`${principal} may also assume it WITHOUT the external ID (statement ${without.decidedBy ?? '?'}).`);
    else if (without.status !== 'denied')
      lines.push(`${principal}: allowed by ${d.decidedBy ?? '(unnamed)'}, but whether it may also assume it WITHOUT the external ID: ${without.reason}`);
    else lines.push(`${principal}: allowed by ${d.decidedBy ?? '(unnamed)'}.${notesOf(d)}`);
  }
  if (risky)
    return withEvidence(
      check('trust', title, 'warn', lines.join(' '), 'Remove the statement that allows assuming the role without sts:ExternalId.', 'roleTrust'),
      evidence,
    );
  if (open)
    return withEvidence(
      check('trust', title, 'warn', lines.join(' '), 'Check the statements named: the wizard cannot know the keys they depend on.'),
      evidence,
    );
  return withEvidence(check('trust', title, 'pass', lines.join(' ')), evidence);
}
