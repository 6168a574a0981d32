import type { AccountSnapshot } from '../../shared/diagnostics/account-snapshot';
import type { DiagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import { requiredPermissions } from '../../shared/diagnostics/required-permissions';
import { rolePermissionsContext } from '../../shared/policy-eval/request-context';
import type { AwsTarget } from '../aws/client-config';
import { simulatePrincipalPolicy, type RoleInfo } from '../aws/iam';
import { isReadFailure, type GuardedRead } from './guard-read';

/** IAM's own verdict on every required action when it can give one, compared with the policy engine's; otherwise why not. */
export async function simulateRole(
  target: AwsTarget,
  c: DiagnosticContext,
  role: GuardedRead<RoleInfo | null>,
  signal: AbortSignal,
): Promise<AccountSnapshot['simulation']> {
  if ('error' in role) return { available: false, reason: 'the role could not be read, so there was no role ARN to simulate' };
  if (!role.value) return { available: false, reason: 'no role' };
  const groups = new Map<string, string[]>();
  for (const n of requiredPermissions(c)) groups.set(n.resource, [...(groups.get(n.resource) ?? []), n.action]);
  const arn = role.value.arn;
  // The same request context the policy engine evaluates, so the two answers can be compared.
  const context = Object.fromEntries(
    Object.entries(rolePermissionsContext(arn, c.accountId).values).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  try {
    const simulations = await Promise.all([...groups].map(([resource, actions]) => simulatePrincipalPolicy(target, arn, actions, [resource], signal, context)));
    const unavailable = simulations.find((s) => !s.available);
    if (unavailable && !unavailable.available) return { available: false, reason: unavailable.reason };
    return { available: true, results: simulations.flatMap((s) => (s.available ? s.results : [])) };
  } catch (err) {
    // The simulator only refines the verdict; when it fails, the policy engine still can give one.
    if (!isReadFailure(err, signal)) throw err;
    return { available: false, reason: `iam:SimulatePrincipalPolicy failed (${err.error.message})` };
  }
}
