import { resourceKey, type RecentWrites } from '../recent-writes';

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'Forbidden']);
const NO_SUCH_ENTITY = new Set(['NoSuchEntity', 'NoSuchEntityException']);

/** The keys (recent-writes.ts) of the resources a call's input names: its queue, bucket, role, topic or function. */
export function inputResourceKeys(input: unknown): ReadonlyArray<string> {
  if (typeof input !== 'object' || input === null) return [];
  const i = input as Readonly<Record<string, unknown>>;
  const text = (k: string) => (typeof i[k] === 'string' ? (i[k] as string) : null);
  const keys = [
    text('QueueUrl') ? resourceKey(text('QueueUrl') as string) : null,
    text('QueueName') ? `sqs:${text('QueueName')}` : null,
    text('Bucket') ? `s3:${text('Bucket')}` : null,
    text('RoleName') ? `iam:${text('RoleName')}` : null,
    text('PolicySourceArn') ? resourceKey(text('PolicySourceArn') as string) : null,
    text('TopicArn') ? resourceKey(text('TopicArn') as string) : null,
  ];
  return keys.filter((k): k is string => k !== null);
}

function nameOf(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; Code?: unknown };
  return typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : '';
}

/**
 * Why a failed call may pass if retried, when eventual consistency explains it (docs/aws-behaviour.md#timing-and-concurrent-changes):
 * S3's OperationAborted (a concurrent change of the bucket's configuration), or an AccessDenied (IAM: also
 * NoSuchEntity) about a resource this workspace created or changed minutes ago, which IAM has not spread everywhere
 * yet. Null otherwise: a real refusal fails at once.
 */
export function consistencyReason(err: unknown, service: string, input: unknown, recent: RecentWrites | undefined): string | null {
  const name = nameOf(err);
  if (service === 'S3' && name === 'OperationAborted') {
    return 'S3 answered OperationAborted: another change to this bucket is in progress';
  }
  const denied = ACCESS_DENIED.has(name) || (service === 'IAM' && NO_SUCH_ENTITY.has(name));
  if (!denied || !recent) return null;
  for (const key of inputResourceKeys(input)) {
    const age = recent.ageOf(key);
    if (age !== null) {
      return `AWS answered ${name}, but this run changed ${key.replace(':', ' ')} only ${Math.max(1, Math.round(age / 1000))} s ago and IAM changes take seconds to reach every AWS server (eventual consistency)`;
    }
  }
  return null;
}
