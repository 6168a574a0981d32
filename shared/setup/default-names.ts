import { dedicatedQueueName } from '../neighbours/queue-users';
import { dedicatedRoleName } from '../neighbours/role-users';

/** The platform guide's role name (its ROLE_NAME). */
export const DEFAULT_ROLE_NAME = 'platform-s3-sqs-consumer-role';

/** SQS allows 80 characters of [A-Za-z0-9_-]; bucket names add only "." to that. */
const MAX_QUEUE_NAME = 80;

/** A setup name is a file and folder name: at most 64 characters (shared/validation/setup-name.ts). */
const MAX_SETUP_NAME = 64;

/** The queue name offered for a bucket: "<bucket>-s3-events", dots made dashes, at most 80 characters. */
export function defaultQueueName(bucket: string): string {
  if (bucket === '') return '';
  return `${bucket}-s3-events`
    .replace(/\./g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '-')
    .slice(0, MAX_QUEUE_NAME);
}

/** `name`, or `name` with "-2", "-3"... (kept within `max` characters) when `taken` says it is used. */
function firstFree(name: string, max: number, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${name.slice(0, max - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The setup name offered for a new setup: the bucket's name, or "<bucket>-2", "-3"... when another saved setup has
 * it, so saving a new setup never replaces a saved one. Compared without case: on macOS and Windows "Orders.json" is
 * the same file as "orders.json".
 */
export function freeSetupName(bucket: string, takenSetupNames: ReadonlySet<string>): string {
  if (bucket === '') return '';
  const taken = new Set([...takenSetupNames].map((n) => n.toLowerCase()));
  return firstFree(bucket, MAX_SETUP_NAME, (candidate) => taken.has(candidate.toLowerCase()));
}

/**
 * The queue name offered for a new setup: "<bucket>-s3-events", unless another saved setup uses it, then one of its
 * own ("<that>-<setup name>", the name a queue blocker suggests), so a second setup of a bucket never names the first
 * one's queue by default (the platform guide asks for a dedicated queue per data source).
 */
export function freeQueueName(bucket: string, setupName: string, takenQueueNames: ReadonlySet<string>): string {
  const base = defaultQueueName(bucket);
  if (base === '' || !takenQueueNames.has(base) || setupName === '') return base;
  return firstFree(dedicatedQueueName({ name: setupName, queueName: base }), MAX_QUEUE_NAME, (candidate) => takenQueueNames.has(candidate));
}

/**
 * The role name offered for a new setup: the platform guide's, unless another saved setup already uses it, then one of
 * its own ("<guide's name>-<setup name>"), so a second setup never takes over the first one's role by default.
 */
export function freeRoleName(setupName: string, takenRoleNames: ReadonlySet<string>): string {
  if (!takenRoleNames.has(DEFAULT_ROLE_NAME) || setupName === '') return DEFAULT_ROLE_NAME;
  return dedicatedRoleName({ name: setupName, roleName: DEFAULT_ROLE_NAME });
}
