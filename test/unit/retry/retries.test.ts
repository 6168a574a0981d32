import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInOperation } from '../../../main/aws/operation-scope';
import { RecentWrites, resourceKey } from '../../../main/aws/recent-writes';
import { retryWithinBound } from '../../../main/aws/retry/bounded-retry';
import { consistencyReason, inputResourceKeys } from '../../../main/aws/retry/consistency-reason';
import { reportingRetryStrategy } from '../../../main/aws/retry/reporting-retry-strategy';

const awsError = (name: string, status = 400) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

/** Runs `run` as an API operation and collects its progress lines. */
async function reported<T>(run: () => Promise<T>, recentWrites = new RecentWrites()): Promise<{ value: T | Error; lines: string[] }> {
  const lines: string[] = [];
  const value = await runInOperation({ report: (m) => lines.push(m), recentWrites }, run).catch((e: Error) => e);
  return { value, lines };
}

afterEach(() => vi.useRealTimers());

describe('resource keys', () => {
  it('find a write recorded under an ARN or URL again from the call input that names the same resource', () => {
    expect(resourceKey('arn:aws:iam::123456789012:role/path/platform-role')).toBe('iam:platform-role');
    expect(resourceKey('arn:aws:iam::123456789012:role/platform-role (inline policy platform-s3-sqs-access)')).toBe('iam:platform-role');
    expect(resourceKey('arn:aws-cn:sqs:cn-north-1:123456789012:q1')).toBe('sqs:q1');
    expect(resourceKey('arn:aws:s3:::acme-raw')).toBe('s3:acme-raw');
    expect(resourceKey('http://127.0.0.1:5000/123456789012/q1')).toBe('sqs:q1');
    expect(inputResourceKeys({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q1', Bucket: 'b' })).toEqual(['sqs:q1', 's3:b']);
    expect(inputResourceKeys({ RoleName: 'r' })).toEqual(['iam:r']);
    expect(inputResourceKeys({ PolicySourceArn: 'arn:aws:iam::1:role/r' })).toEqual(['iam:r']);
  });

  it('forget a write after the window', () => {
    const recent = new RecentWrites();
    recent.record('arn:aws:iam::123456789012:role/r', 1_000);
    expect(recent.ageOf('iam:r', 4_000)).toBe(3_000);
    expect(recent.ageOf('iam:r', 1_000 + 5 * 60_000 + 1)).toBeNull();
    expect(recent.ageOf('iam:other', 4_000)).toBeNull();
  });
});

describe('consistencyReason', () => {
  const recent = new RecentWrites();
  recent.record('arn:aws:iam::123456789012:role/new-role');
  recent.record('arn:aws:sqs:us-east-1:123456789012:q1');

  it("waits out S3's OperationAborted on any call", () => {
    expect(consistencyReason(awsError('OperationAborted', 409), 'S3', { Bucket: 'b' }, undefined)).toEqual({
      reason: 'S3 answered OperationAborted: another change to this bucket is in progress',
      boundMs: null,
    });
    expect(consistencyReason(awsError('OperationAborted', 409), 'SQS', {}, undefined)).toBeNull();
  });

  it('waits out AccessDenied only about a resource this workspace changed minutes ago, for at most 15 s', () => {
    expect(consistencyReason(awsError('AccessDenied', 403), 'IAM', { RoleName: 'new-role' }, recent)).toEqual({
      reason: expect.stringMatching(/this run changed iam new-role only \d+ s ago/),
      boundMs: 15_000,
    });
    expect(consistencyReason(awsError('AccessDenied', 403), 'IAM', { PolicySourceArn: 'arn:aws:iam::123456789012:role/new-role' }, recent)).not.toBeNull();
    // NoSuchEntity means "absent" to the modules (a policy not written yet): never waited on.
    expect(consistencyReason(awsError('NoSuchEntity', 404), 'IAM', { RoleName: 'new-role' }, recent)).toBeNull();
    expect(consistencyReason(awsError('AccessDenied', 403), 'SQS', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q1' }, recent)).not.toBeNull();
    expect(consistencyReason(awsError('AccessDenied', 403), 'IAM', { RoleName: 'old-role' }, recent)).toBeNull();
    expect(consistencyReason(awsError('NoSuchEntity', 404), 'SQS', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q1' }, recent)).toBeNull();
    expect(consistencyReason(awsError('AccessDenied', 403), 'IAM', { RoleName: 'new-role' }, undefined)).toBeNull();
  });
});

describe('retryWithinBound', () => {
  it('retries while the reason holds, reporting each wait with the reason, until the call passes', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const attempt = async () => {
      calls++;
      if (calls < 3) throw awsError('OperationAborted', 409);
      return 'done';
    };
    const pending = reported(() =>
      retryWithinBound(attempt, { reasonToWait: () => 'S3 is busy', boundMs: 60_000, what: 's3:PutBucketNotificationConfiguration' }),
    );
    await vi.runAllTimersAsync();
    const { value, lines } = await pending;
    expect(value).toBe('done');
    expect(lines).toEqual([
      's3:PutBucketNotificationConfiguration: S3 is busy. Trying again in 1 s (waited 0 s of at most 60 s).',
      's3:PutBucketNotificationConfiguration: S3 is busy. Trying again in 2 s (waited 1 s of at most 60 s).',
    ]);
  });

  it('gives up before the bound with the last failure, marked with how long it waited and why', async () => {
    vi.useFakeTimers();
    const pending = reported(() =>
      retryWithinBound(
        async () => {
          throw awsError('OperationAborted', 409);
        },
        { reasonToWait: () => 'S3 is busy', boundMs: 10_000, what: 's3:x' },
      ),
    );
    await vi.runAllTimersAsync();
    const { value, lines } = await pending;
    expect(lines).toHaveLength(3);
    expect(value).toMatchObject({ name: 'OperationAborted', $waitedOut: { reason: 'S3 is busy', waitedMs: 7_000, tries: 4 } });
  });

  it("keeps to a reason's own shorter bound", async () => {
    vi.useFakeTimers();
    const pending = reported(() =>
      retryWithinBound(
        async () => {
          throw awsError('AccessDenied', 403);
        },
        { reasonToWait: () => ({ reason: 'a new role', boundMs: 3_000 }), boundMs: 60_000, what: 'iam:GetRole' },
      ),
    );
    await vi.runAllTimersAsync();
    const { value, lines } = await pending;
    expect(lines).toEqual([
      'iam:GetRole: a new role. Trying again in 1 s (waited 0 s of at most 3 s).',
      'iam:GetRole: a new role. Trying again in 2 s (waited 1 s of at most 3 s).',
    ]);
    expect(value).toMatchObject({ $waitedOut: { reason: 'a new role', tries: 3 } });
  });

  it('fails at once without a reason, and stops waiting on Cancel', async () => {
    const denied = await retryWithinBound(
      async () => {
        throw awsError('AccessDenied', 403);
      },
      { reasonToWait: () => null, boundMs: 60_000, what: 'x' },
    ).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied' });
    expect(denied).not.toHaveProperty('$waitedOut');
    const controller = new AbortController();
    const waiting = retryWithinBound(
      async () => {
        throw awsError('OperationAborted', 409);
      },
      {
        reasonToWait: () => {
          // Cancel arrives while the wizard waits to try again.
          setTimeout(() => controller.abort(), 5);
          return 'busy';
        },
        boundMs: 60_000,
        what: 'x',
        signal: controller.signal,
      },
    ).catch((e: unknown) => e);
    expect(await waiting).toMatchObject({ name: 'AbortError' });
  });
});

describe('reportingRetryStrategy', () => {
  const info = (error: Error) => ({ error: error as never, errorType: 'THROTTLING' as const });

  it("grants the SDK's retries up to AWS_MAX_ATTEMPTS and reports each with its reason", async () => {
    const strategy = reportingRetryStrategy({ maxAttempts: 3, mode: 'standard', source: 'AWS_MAX_ATTEMPTS', note: null }, 'SQS');
    const { value, lines } = await reported(async () => {
      let token = await strategy.acquireInitialRetryToken('scope');
      token = await strategy.refreshRetryTokenForRetry(token, info(awsError('ThrottlingException')));
      token = await strategy.refreshRetryTokenForRetry(token, info(awsError('ThrottlingException')));
      return strategy.refreshRetryTokenForRetry(token, info(awsError('ThrottlingException')));
    });
    expect(value).toBeInstanceOf(Error);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^SQS: ThrottlingException \(HTTP 400\): ThrottlingException happened\. Retrying \(try 2 of 3\) in \d+\.\d s\.$/);
    expect(lines[1]).toContain('(try 3 of 3)');
  });

  it('with one attempt never retries', async () => {
    const strategy = reportingRetryStrategy({ maxAttempts: 1, mode: 'adaptive', source: 'max_attempts of profile p', note: null }, 'S3');
    const { value, lines } = await reported(async () =>
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken('s'), info(awsError('SlowDown', 503))),
    );
    expect(value).toBeInstanceOf(Error);
    expect(lines).toEqual([]);
  });
});
