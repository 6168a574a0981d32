import { effectivePermissions, type RolePolicies } from '../../policy-eval/effective-permissions';
import { rolePermissionsContext } from '../../policy-eval/request-context';
import { PERMISSIONS_POLICY_NAME } from '../../policy/build-permissions-policy';
import type { AccountSnapshot, SimulatedDecision } from '../account-snapshot';
import { evidenceOf } from '../check-evidence';
import { check, withEvidence, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';
import { requiredPermissions } from '../required-permissions';
import { compareWithSimulator, type EngineAnswer } from './simulator-comparison';

const TITLE = 'Permissions policy grants every required action';
const INLINE = 'inline policy ';

type Answer = EngineAnswer;

/** The role's policies as the engine names them in its answers. */
function rolePolicies(s: AccountSnapshot): RolePolicies {
  return {
    identity: [
      ...(s.inlinePolicies ?? []).map((p) => ({ name: `${INLINE}${p.name}`, document: p.document })),
      ...(s.managedPolicies ?? []).map((p) => ({ name: `managed policy ${p.name}`, document: p.document })),
    ],
    boundary: s.boundary ? { name: `permissions boundary ${s.boundary.name}`, document: s.boundary.document } : null,
  };
}

/** The setup's own inline policy: the one the permissions step writes, and may therefore fix. */
function isOwnPolicy(policy: string | null, c: DiagnosticContext): boolean {
  return policy === `${INLINE}${PERMISSIONS_POLICY_NAME}` || policy === `${INLINE}${PERMISSIONS_POLICY_NAME}-${c.setup.name}`;
}

function pair(a: Answer): string {
  return `${a.need.action} on ${a.need.resource}`;
}

/** One line per distinct reason, listing the pairs it covers, so seven pairs refused by one statement read as one finding. */
function grouped(lead: string, answers: ReadonlyArray<Answer>): ReadonlyArray<string> {
  const groups = new Map<string, Answer[]>();
  for (const a of answers) {
    const key = `${a.decision.policy ?? ''}|${a.decision.decidedBy ?? ''}|${a.decision.reason.split(a.need.action).join('{action}')}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()].map((g) => `${lead} ${g.map(pair).join(', ')}: ${g[0]?.decision.reason ?? ''}`);
}

/** What was read and what could not be, so a pass never claims more than was seen. */
function scopeNotes(s: AccountSnapshot): ReadonlyArray<string> {
  const notes: string[] = [];
  if (s.managedPolicies === null) notes.push('The attached managed policies could not be listed, so a Deny in them would not be seen.');
  if (s.organization === 'member')
    notes.push(
      'The account is in an AWS Organization: its service control policies and resource control policies cannot be read from a member account and may deny more.',
    );
  if (s.organization === 'unknown')
    notes.push('Whether the account is in an AWS Organization could not be read: if it is, its service control and resource control policies may deny more.');
  return notes;
}

/** The fix for a refused pair: our step for our policy or a plain missing grant; by hand for someone else's Deny or the boundary. */
function fixOf(refused: Answer, c: DiagnosticContext): { readonly fix: string; readonly step: 'rolePermissions' | null } {
  const { decision } = refused;
  const role = c.setup.roleName;
  if (decision.policy?.startsWith('permissions boundary '))
    return {
      fix: `The ${decision.policy} of role ${role} must allow ${pair(refused)} too: ask its owner to add it (a boundary only limits, it never grants).`,
      step: null,
    };
  if (decision.decidedBy !== null && !isOwnPolicy(decision.policy, c))
    return {
      fix: `Remove or narrow statement ${decision.decidedBy} in ${decision.policy} of role ${role} (IAM console > Roles > ${role} > Permissions): an explicit Deny wins over any Allow.`,
      step: null,
    };
  return { fix: `Apply the role permissions policy step (it writes the setup's own inline policy).`, step: 'rolePermissions' };
}

/** When the role's policies could not be read but IAM's simulator answered: its verdict, said to be its alone. */
function simulatorOnly(results: ReadonlyArray<SimulatedDecision>, c: DiagnosticContext, why: string): DiagnosticCheck {
  const needed = requiredPermissions(c);
  const refused = needed.filter((n) => !results.some((r) => r.action === n.action && r.resource === n.resource && r.decision === 'allowed'));
  const how = `Evaluated by iam:SimulatePrincipalPolicy alone: the role's policies could not be read for the wizard's engine (${why}).`;
  if (refused.length === 0) return check('permissions', TITLE, 'pass', `${how} All ${needed.length} action/resource pairs allowed.`);
  const list = refused.map((n) => `${n.action} on ${n.resource}`).join(', ');
  return check(
    'permissions',
    TITLE,
    'fail',
    `${how} Not allowed: ${list}.`,
    `Apply the role permissions policy step (it writes the setup's own inline policy).`,
    'rolePermissions',
  );
}

/**
 * Each required action on the right resource, decided as IAM does over every identity policy of the role (inline and
 * attached managed) and its permissions boundary, with the request context the platform's calls carry. Where the
 * account allows iam:SimulatePrincipalPolicy, IAM's answer is compared and a disagreement is shown, never hidden.
 */
export function permissionsCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const found = judgePermissions(s, c);
  return found.answers.length > 0
    ? withEvidence(
        found.check,
        found.answers.map((a) => evidenceOf(c.roleArn, a.need.action, a.need.resource, a.decision)),
      )
    : found.check;
}

/** The permissions check and the engine's answer for each required pair (none when the policies could not be read). */
function judgePermissions(s: AccountSnapshot, c: DiagnosticContext): { readonly check: DiagnosticCheck; readonly answers: ReadonlyArray<Answer> } {
  const alone = (x: DiagnosticCheck) => ({ check: x, answers: [] });
  // Without GetRole the inline policies can still be evaluated; only a role known to be missing skips the check.
  if (!s.role && !s.readErrors.role) return alone(check('permissions', TITLE, 'skip', 'No role to read.'));
  if (s.readErrors.permissions)
    return alone(
      s.simulation.available
        ? simulatorOnly(s.simulation.results, c, s.readErrors.permissions.message)
        : readFailedCheck('permissions', TITLE, s.readErrors.permissions),
    );
  if (!s.inlinePolicies) return alone(check('permissions', TITLE, 'skip', 'No role to read.'));
  const role = rolePolicies(s);
  const context = rolePermissionsContext(s.role?.arn ?? c.roleArn, c.accountId);
  const answers: ReadonlyArray<Answer> = requiredPermissions(c).map((need) => ({
    need,
    decision: effectivePermissions(role, { action: need.action, resource: need.resource, context }),
  }));
  const read = role.identity.map((p) => p.name).join(', ') || 'no identity policies';
  const how = `Evaluated over ${read}${role.boundary ? ` within ${role.boundary.name}` : ''}.`;
  const caveats = [...new Set(answers.flatMap((a) => a.decision.caveats))];
  const tail = [...scopeNotes(s), ...caveats.map((x) => `Note: ${x}.`)];
  const comparison = compareWithSimulator(s.simulation, answers);
  // A pair IAM's simulator answers differently is neither trusted nor failed: it is shown as a disagreement.
  const disputed = new Set(comparison.disagreements);
  const refused = answers.filter((a) => a.decision.status === 'denied' && !disputed.has(a));
  const open = answers.filter((a) => a.decision.status === 'depends' || a.decision.status === 'cannot-evaluate');
  const text = (lines: ReadonlyArray<string>) => [how, ...lines, ...comparison.lines, ...tail].join(' ');
  const first = refused[0];
  if (first) {
    const { fix, step } = fixOf(first, c);
    return { check: check('permissions', TITLE, 'fail', text(grouped('Not allowed:', refused)), fix, step), answers };
  }
  if (open.length > 0) {
    const lines = grouped('Cannot be sure of', open);
    return {
      check: check(
        'permissions',
        TITLE,
        'warn',
        text(lines),
        'Check the statements named against how the platform calls AWS; the wizard cannot know these keys.',
      ),
      answers,
    };
  }
  if (comparison.fix !== null) return { check: check('permissions', TITLE, 'warn', text([]), comparison.fix), answers };
  const decidedBy = [...new Set(answers.map((a) => `${a.decision.decidedBy ?? '?'} (${a.decision.policy ?? '?'})`))].join(', ');
  return { check: check('permissions', TITLE, 'pass', text([`All ${answers.length} action/resource pairs allowed, by ${decidedBy}.`])), answers };
}
