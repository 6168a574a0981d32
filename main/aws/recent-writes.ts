import { parseArn } from '../../shared/policy/arns';

/** How long after a write an AccessDenied about that resource may still be propagation rather than a missing permission. */
export const RECENT_WRITE_WINDOW_MS = 5 * 60_000;

/**
 * "service:name" for an ARN or a queue URL, so a queue policy written under the queue's ARN is found again from a
 * call's QueueUrl, and a role created under its ARN from a call's RoleName; null for anything else.
 */
export function resourceKey(resource: string): string | null {
  // "arn:...:role/r (inline policy p)" names the role's inline policy: the role is the resource.
  const [bare = ''] = resource.trim().split(/\s/);
  const arn = parseArn(bare);
  if (arn) {
    const name = arn.resource
      .split(/[/:]/)
      .filter((p) => p !== '')
      .pop();
    return name ? `${arn.service}:${name}` : null;
  }
  if (URL.canParse(bare)) {
    const name = new URL(bare).pathname
      .split('/')
      .filter((p) => p !== '')
      .pop();
    return name ? `sqs:${name}` : null;
  }
  return null;
}

/** The resources this workspace wrote and when (the guarded write records each); asked by the eventual-consistency retries. */
export class RecentWrites {
  private readonly writtenAt = new Map<string, number>();

  /** Records a successful write of `resource` (an ARN or a queue URL). */
  record(resource: string, now = Date.now()): void {
    const key = resourceKey(resource);
    if (key) this.writtenAt.set(key, now);
  }

  /** Milliseconds since this workspace last wrote the resource with that key, or null when not within RECENT_WRITE_WINDOW_MS. */
  ageOf(key: string, now = Date.now()): number | null {
    const at = this.writtenAt.get(key);
    return at === undefined || now - at > RECENT_WRITE_WINDOW_MS ? null : now - at;
  }
}
