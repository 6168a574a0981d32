import type { AccountSnapshot, SnapshotRead } from '../../shared/diagnostics/account-snapshot';
import type { ApiError } from '../../shared/contract/api-error';
import type { DiagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import type { AwsTarget } from '../aws/client-config';
import { getRole } from '../aws/iam';
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
  const queue = async () => {
    const queueUrl = await getQueueUrl(target, setup.queueName, signal);
    return { queueUrl, queueAttributes: queueUrl ? await getQueueAttributes(target, queueUrl, ['All'], signal) : null };
  };
  const rolePart = guardRead(getRole(target, setup.roleName, signal), signal);
  const [bucketRegion, notification, queueRead, role, inlinePolicies, simulation] = await Promise.all([
    guardRead(getBucketRegion(target, setup.bucket, signal), signal),
    guardRead(getBucketNotification(target, setup.bucket, signal), signal),
    guardRead(queue(), signal),
    rolePart,
    guardRead(readInlinePolicies(target, setup.roleName, signal), signal),
    rolePart.then((r) => simulateRole(target, c, r, signal)),
  ]);
  const reads: Readonly<Record<SnapshotRead, GuardedRead<unknown>>> = {
    bucket: bucketRegion,
    notification,
    queue: queueRead,
    role,
    permissions: inlinePolicies,
  };
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
    inlinePolicies: valueOr(inlinePolicies, null),
    simulation,
    readErrors,
  };
}
