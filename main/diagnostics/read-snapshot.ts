import type { AccountSnapshot, SnapshotRead } from '../../shared/diagnostics/account-snapshot';
import type { ApiError } from '../../shared/contract/api-error';
import type { DiagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import type { AwsTarget } from '../aws/client-config';
import { getManagedPolicyDocument, getRole, listAttachedRolePolicies, type RoleInfo } from '../aws/iam';
import { organizationMembership } from '../aws/organizations';
import { getBucketNotification, getBucketRegion } from '../aws/s3';
import { getQueueAttributes, getQueueUrl } from '../aws/sqs';
import { guardRead, type GuardedRead } from './guard-read';
import { readInlinePolicies } from '../aws/inline-policies';
import { simulateRole } from './simulate-role';

function valueOr<T, F>(read: GuardedRead<T>, fallback: F): T | F {
  return 'value' in read ? read.value : fallback;
}

/** Everything diagnostics need, read with as few round trips as possible: independent reads run concurrently, each may fail alone. */
export async function readSnapshot(
  target: AwsTarget,
  c: DiagnosticContext,
  caller: { readonly accountId: string; readonly arn: string; readonly expectedAccount: string | null },
  signal: AbortSignal,
): Promise<AccountSnapshot> {
  const { setup } = c;
  const bucket = { name: setup.bucket, owner: c.bucketOwner };
  const queue = async () => {
    const queueUrl = await getQueueUrl(target, setup.queueName, signal);
    return { queueUrl, queueAttributes: queueUrl ? await getQueueAttributes(target, queueUrl, ['All'], signal) : null };
  };
  const rolePart = guardRead(getRole(target, setup.roleName, signal), signal);
  // Every identity policy of the role and its boundary: inline, attached managed (customer and AWS), boundary.
  const policies = async () => {
    const [inline, attached, role] = await Promise.all([
      readInlinePolicies(target, setup.roleName, signal),
      listAttachedRolePolicies(target, setup.roleName, signal),
      rolePart.then((r) => ('value' in r ? r.value : null)),
    ]);
    const managed = await Promise.all((attached ?? []).map(async (arn) => ({ name: arn, document: await getManagedPolicyDocument(target, arn, signal) })));
    const boundaryArn = (role as RoleInfo | null)?.boundaryArn ?? null;
    const boundary = boundaryArn ? { name: boundaryArn, document: await getManagedPolicyDocument(target, boundaryArn, signal) } : null;
    return { inline, managed: attached === null ? null : managed, boundary };
  };
  const [bucketRegion, notification, queueRead, role, permissions, simulation, organization] = await Promise.all([
    guardRead(getBucketRegion(target, bucket, signal), signal),
    guardRead(getBucketNotification(target, bucket, signal), signal),
    guardRead(queue(), signal),
    rolePart,
    guardRead(policies(), signal),
    rolePart.then((r) => simulateRole(target, c, r, signal)),
    organizationMembership(target, signal),
  ]);
  const reads: Readonly<Record<SnapshotRead, GuardedRead<unknown>>> = { bucket: bucketRegion, notification, queue: queueRead, role, permissions };
  const readErrors: Partial<Record<SnapshotRead, ApiError>> = {};
  for (const [name, read] of Object.entries(reads) as Array<[SnapshotRead, GuardedRead<unknown>]>) if ('error' in read) readErrors[name] = read.error;
  const roleInfo = valueOr(role, null);
  return {
    callerAccount: caller.accountId,
    callerArn: caller.arn,
    expectedAccount: caller.expectedAccount,
    bucketRegion: valueOr(bucketRegion, null),
    notification: valueOr(notification, null),
    ...valueOr(queueRead, { queueUrl: null, queueAttributes: null }),
    role: roleInfo ? { arn: roleInfo.arn, trustPolicy: roleInfo.trustPolicy } : null,
    inlinePolicies: valueOr(permissions, null)?.inline ?? null,
    managedPolicies: valueOr(permissions, null)?.managed ?? null,
    boundary: valueOr(permissions, null)?.boundary ?? null,
    organization,
    simulation,
    readErrors,
  };
}
