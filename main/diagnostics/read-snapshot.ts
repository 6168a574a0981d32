import type { AccountSnapshot, SnapshotRead } from '../../shared/diagnostics/account-snapshot';
import type { ApiError } from '../../shared/contract/api-error';
import type { DiagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import type { AwsTarget } from '../aws/client-config';
import { getManagedPolicyDocument, getRole, listAttachedRolePolicies, type RoleInfo } from '../aws/iam';
import { buildQueueConfiguration } from '../../shared/policy/build-bucket-notification';
import { topicRuleCovering } from '../../shared/fanout/fan-out-design';
import { describeKey, getKeyPolicy } from '../aws/kms';
import { getTopicPolicy, listTopicSubscriptions } from '../aws/sns';
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
  const queueRead = guardRead(queue(), signal);
  // The queue's key, once the queue names one: whose it is, and (customer managed) its policy.
  const kms = async () => {
    const q = await queueRead;
    const keyId = 'value' in q ? q.value.queueAttributes?.['KmsMasterKeyId'] : undefined;
    if (!keyId) return null;
    const key = await describeKey(target, keyId, signal);
    if (!key) return null;
    const policy = key.keyManager === 'CUSTOMER' ? await getKeyPolicy(target, key.keyArn, signal) : null;
    return { arn: key.keyArn, manager: key.keyManager, state: key.keyState, policy };
  };
  const notificationRead = guardRead(getBucketNotification(target, bucket, signal), signal);
  // A fan-out: no rule sends to the queue directly, a topic rule covering the setup does; read its topic and our subscription.
  const fanOut = async () => {
    const n = await notificationRead;
    const doc = 'value' in n ? n.value : null;
    if (!doc || (doc.QueueConfigurations ?? []).some((q) => q.QueueArn === c.queueArn)) return null;
    const ours = buildQueueConfiguration({ queueName: setup.queueName, queueArn: c.queueArn, prefix: setup.prefix, suffix: setup.suffix });
    const rule = topicRuleCovering(doc, ours, c.accountId, setup.region);
    if (!rule) return null;
    const [topic, subscriptions] = await Promise.all([
      getTopicPolicy(target, rule.destination, signal),
      listTopicSubscriptions(target, rule.destination, signal),
    ]);
    const mine = subscriptions.find((x) => x.protocol === 'sqs' && x.endpoint === c.queueArn);
    const filter = mine?.attributes['FilterPolicy'];
    return {
      topicArn: rule.destination,
      ruleId: typeof rule.config['Id'] === 'string' ? rule.config['Id'] : null,
      ruleScope: rule.scope,
      topicPolicy: topic?.policy ?? null,
      subscription: mine
        ? {
            raw: mine.attributes['RawMessageDelivery'] === 'true',
            scope: mine.attributes['FilterPolicyScope'] ?? null,
            filterPolicy: filter ? (JSON.parse(filter) as unknown) : null,
          }
        : null,
    };
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
  const [bucketRegion, notification, queueResult, role, permissions, simulation, organization, kmsKey, fanOutRead] = await Promise.all([
    guardRead(getBucketRegion(target, bucket, signal), signal),
    notificationRead,
    queueRead,
    rolePart,
    guardRead(policies(), signal),
    rolePart.then((r) => simulateRole(target, c, r, signal)),
    organizationMembership(target, signal),
    guardRead(kms(), signal),
    guardRead(fanOut(), signal),
  ]);
  const reads: Readonly<Record<SnapshotRead, GuardedRead<unknown>>> = {
    bucket: bucketRegion,
    notification,
    queue: queueResult,
    role,
    permissions,
    kms: kmsKey,
    fanOut: fanOutRead,
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
    ...valueOr(queueResult, { queueUrl: null, queueAttributes: null }),
    role: roleInfo ? { arn: roleInfo.arn, trustPolicy: roleInfo.trustPolicy } : null,
    inlinePolicies: valueOr(permissions, null)?.inline ?? null,
    managedPolicies: valueOr(permissions, null)?.managed ?? null,
    boundary: valueOr(permissions, null)?.boundary ?? null,
    organization,
    kmsKey: valueOr(kmsKey, null),
    fanOut: valueOr(fanOutRead, null),
    simulation,
    readErrors,
  };
}
