import { reportProgress } from '../operation-scope';

/** When a failure may pass if waited for, and for how long the wizard waits it out. */
export interface BoundedRetryPolicy {
  /** Why waiting may help (shown in the progress), optionally with a shorter bound for this reason; null to fail at once. */
  readonly reasonToWait: (err: unknown) => Promise<WaitReason | null> | WaitReason | null;
  /** The longest the retries may take in all; the last failure is thrown once the next wait would pass it. */
  readonly boundMs: number;
  /** The call, as the progress names it ("s3:PutBucketNotification on arn:aws:s3:::b"). */
  readonly what: string;
  readonly signal?: AbortSignal;
}

/** A reason to wait, alone or with its own (shorter) bound. */
export type WaitReason = string | { readonly reason: string; readonly boundMs: number | null };

/** Annotation on a failure the wizard waited on before giving up: the reason and how long it waited (messages say so). */
export interface WaitedOut {
  readonly reason: string;
  readonly waitedMs: number;
  readonly tries: number;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (Cancel stops a wait at once). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted while waiting to retry.'), { name: 'AbortError' });
}

/** 1, 2, 4, then 8 s between tries: AWS's eventual consistency settles in seconds (docs/aws-behaviour.md#timing-and-concurrent-changes). */
function backoffMs(tries: number): number {
  return Math.min(8_000, 1_000 * 2 ** (tries - 1));
}

/**
 * Runs `attempt` and, while the policy explains a failure by eventual consistency, tries again with backoff until the
 * bound; every wait is reported with its reason. The failure that ends it carries `$waitedOut` when it was waited on.
 */
export async function retryWithinBound<T>(attempt: () => Promise<T>, policy: BoundedRetryPolicy): Promise<T> {
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      const wait = policy.signal?.aborted ? null : await policy.reasonToWait(err);
      const reason = wait === null ? null : typeof wait === 'string' ? wait : wait.reason;
      const bound = wait !== null && typeof wait !== 'string' && wait.boundMs !== null ? Math.min(wait.boundMs, policy.boundMs) : policy.boundMs;
      const delay = backoffMs(tries);
      const elapsed = Date.now() - started;
      if (reason === null || elapsed + delay > bound) {
        if (reason !== null && typeof err === 'object' && err !== null) {
          Object.assign(err, { $waitedOut: { reason, waitedMs: elapsed, tries } satisfies WaitedOut });
        }
        throw err;
      }
      reportProgress(
        `${policy.what}: ${reason}. Trying again in ${delay / 1000} s (waited ${Math.round(elapsed / 1000)} s of at most ${Math.round(bound / 1000)} s).`,
      );
      await pause(delay, policy.signal);
    }
  }
}
