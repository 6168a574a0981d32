import { resourceKey, type RecentWrites } from '../recent-writes';

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'Forbidden']);

/** A new role's AccessDenied passes within seconds (IAM User Guide, "Changes that I make are not always immediately visible"): a shorter wait than S3's. */
export const PROPAGATION_WAIT_MS = 15_000;

/** Why waiting may help, and for how long at most (null: the connection's whole consistency wait). */
export interface ConsistencyReason {
  readonly reason: string;
  readonly boundMs: number | null;
}

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
 * S3's OperationAborted (a concurrent change of the bucket's configuration), or an AccessDenied about a resource this
 * workspace created or changed minutes ago, which IAM has not spread everywhere yet (waited on for at most
 * PROPAGATION_WAIT_MS). Null otherwise: a real refusal fails at once. NoSuchEntity is no such case: the modules read
 * it as "absent", which is what a plan needs to know.
 */
export function consistencyReason(err: unknown, service: string, input: unknown, recent: RecentWrites | undefined): ConsistencyReason | null {
  const name = nameOf(err);
  if (service === 'S3' && name === 'OperationAborted') {
    return { reason: 'S3 answered OperationAborted: another change to this bucket is in progress', boundMs: null };
  }
  if (!ACCESS_DENIED.has(name) || !recent) return null;
  for (const key of inputResourceKeys(input)) {
    const age = recent.ageOf(key);
    if (age !== null) {
      const seconds = Math.max(1, Math.round(age / 1000));
      return {
        reason: `AWS answered ${name}, but this run changed ${key.replace(':', ' ')} only ${seconds} s ago and IAM changes take seconds to reach every AWS server (eventual consistency)`,
        boundMs: PROPAGATION_WAIT_MS,
      };
    }
  }
  return null;
}
