import type { AccountSnapshot } from '../../shared/diagnostics/account-snapshot';
import { requiredPermissions } from '../../shared/diagnostics/required-permissions';
import type { DiagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import { PERMISSIONS_POLICY_NAME } from '../../shared/policy/build-permissions-policy';
import type { AwsTarget } from '../aws/client-config';
import { getRole, getRolePolicy, simulatePrincipalPolicy } from '../aws/iam';
import { getBucketNotification, getBucketRegion } from '../aws/s3';
import { getQueueAttributes, getQueueUrl } from '../aws/sqs';

/** Everything diagnostics need, read with as few round trips as possible: independent reads run concurrently. */
export async function readSnapshot(
  target: AwsTarget,
  c: DiagnosticContext,
  caller: { readonly accountId: string; readonly arn: string; readonly expectedAccount: string | null },
  signal: AbortSignal,
): Promise<AccountSnapshot> {
  const { setup } = c;
  const bucketPart = getBucketRegion(target, setup.bucket, signal).then(async (bucketRegion) => ({
    bucketRegion,
    notification: bucketRegion === null ? null : await getBucketNotification(target, setup.bucket, signal),
  }));
  const queuePart = getQueueUrl(target, setup.queueName, signal).then(async (queueUrl) => ({
    queueUrl,
    queueAttributes: queueUrl ? await getQueueAttributes(target, queueUrl, ['All'], signal) : null,
  }));
  const rolePart = getRole(target, setup.roleName, signal).then(async (role) => {
    if (!role) return { role: null, permissionsPolicy: null, simulation: { available: false as const, reason: 'no role' } };
    const needed = requiredPermissions(c);
    const groups = new Map<string, string[]>();
    for (const n of needed) groups.set(n.resource, [...(groups.get(n.resource) ?? []), n.action]);
    const [permissionsPolicy, ...simulations] = await Promise.all([
      getRolePolicy(target, setup.roleName, PERMISSIONS_POLICY_NAME, signal),
      ...[...groups].map(([resource, actions]) => simulatePrincipalPolicy(target, role.arn, actions, [resource], signal)),
    ]);
    const unavailable = simulations.find((s) => !s.available);
    const simulation =
      unavailable && !unavailable.available
        ? { available: false as const, reason: unavailable.reason }
        : { available: true as const, results: simulations.flatMap((s) => (s.available ? s.results : [])) };
    return { role: { arn: role.arn, trustPolicy: role.trustPolicy }, permissionsPolicy, simulation };
  });
  const [bucket, queue, role] = await Promise.all([bucketPart, queuePart, rolePart]);
  return { callerAccount: caller.accountId, callerArn: caller.arn, expectedAccount: caller.expectedAccount, ...bucket, ...queue, ...role };
}
