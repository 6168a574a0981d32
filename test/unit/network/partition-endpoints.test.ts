import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsTarget } from '../../../main/aws/client-config';
import { getCallerIdentity } from '../../../main/aws/sts';
import { getQueueUrl } from '../../../main/aws/sqs';
import { getBucketRegion } from '../../../main/aws/s3';
import { ApiFailure } from '../../../shared/contract/api-error';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy';

let proxy: RecordingProxy;

beforeAll(async () => {
  // It asks for credentials the test never gives: it records where each call goes and refuses it, so nothing leaves the machine.
  proxy = await startRecordingProxy({ credentials: { user: 'nobody', password: 'never-sent' } });
});
afterAll(() => proxy.close());

function target(region: string): AwsTarget {
  return { region, credentials: { accessKeyId: 'AKIAFAKETESTKEY12345', secretAccessKey: 'fake' }, env: { HTTPS_PROXY: proxy.url, AWS_MAX_ATTEMPTS: '1' } };
}

/** Where the SDK sends a call in `region`, as the proxy sees its CONNECT. */
async function hostOf(call: () => Promise<unknown>): Promise<string> {
  proxy.clear();
  const failure = await call().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ApiFailure);
  expect((failure as ApiFailure).error.code).toBe('PROXY_FAILED');
  return proxy.requests()[0]?.target ?? '';
}

describe('endpoints of the China and GovCloud partitions, as the SDK resolves them for the wizard', () => {
  it.each([
    ['cn-north-1', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'amazonaws.com'],
  ])('%s: SQS, STS and S3 go to *.%s', async (region, suffix) => {
    const t = target(region);
    expect(await hostOf(() => getQueueUrl(t, 'orders-events'))).toBe(`sqs.${region}.${suffix}:443`);
    expect(await hostOf(() => getCallerIdentity(t, {}))).toBe(`sts.${region}.${suffix}:443`);
    expect(await hostOf(() => getBucketRegion(t, { name: 'orders-landing', owner: '123456789012' }))).toMatch(
      new RegExp(`^orders-landing\\.s3\\.${region}\\.${suffix.replace(/\./g, '\\.')}:443$`),
    );
  });
});
