import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../main/aws/aws-errors';
import { ProxyConnectError } from '../../../main/aws/network/routing-agents';
import type { NetworkContext } from '../../../main/aws/retry/consistency-middleware';

const net: NetworkContext = {
  host: 'sqs.us-east-1.amazonaws.com',
  proxy: 'http://***@proxy.corp:3128',
  proxySource: 'HTTPS_PROXY',
  caBundle: null,
  readTimeoutSeconds: 60,
  maxAttempts: 3,
};

function tlsError(code: string): Error {
  return Object.assign(new Error('unable to verify the first certificate'), { code });
}

describe('network failures as error values', () => {
  it('an untrusted certificate says so in plain words and names both CA settings, never suggesting to turn verification off', () => {
    const error = toApiError(Object.assign(tlsError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), { $network: net }), { action: 'sqs:GetQueueUrl' });
    expect(error.code).toBe('CERTIFICATE_UNTRUSTED');
    expect(error.message).toBe(
      'The certificate sqs.us-east-1.amazonaws.com presented through the proxy http://***@proxy.corp:3128 is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE): it is signed by a certificate authority Node.js does not know, as a TLS-inspecting proxy or a private CA does.',
    );
    expect(error.fix).toContain('AWS_CA_BUNDLE');
    expect(error.fix).toContain('ca_bundle');
    expect(error.fix).toContain('never turns certificate verification off');
    expect(error.fix).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized/);
  });

  it('with a bundle in use, says the bundle lacks the authority, naming its file and setting', () => {
    const error = toApiError(
      Object.assign(new Error('wrapped'), {
        cause: tlsError('SELF_SIGNED_CERT_IN_CHAIN'),
        $network: { ...net, caBundle: { path: '/etc/corp.pem', source: 'ca_bundle of profile corp' } },
      }),
    );
    expect(error.code).toBe('CERTIFICATE_UNTRUSTED');
    expect(error.fix).toContain('/etc/corp.pem (from ca_bundle of profile corp) does not hold the authority');
  });

  it('a proxy that wants credentials, refuses, or cannot be reached is named without its credentials', () => {
    const refused = new ProxyConnectError('http://***@proxy.corp:3128', 'sts.us-east-1.amazonaws.com:443', new Error('Bad response: 407'));
    expect(toApiError(refused)).toMatchObject({ code: 'PROXY_FAILED', message: expect.stringContaining('(HTTP 407)') });
    const forbidden = new ProxyConnectError('http://proxy.corp:3128', 'sts.us-east-1.amazonaws.com:443', new Error('Bad response: 403'));
    expect(toApiError(forbidden).message).toBe('The proxy http://proxy.corp:3128 refused to connect to sts.us-east-1.amazonaws.com:443 (HTTP 403).');
    const down = new ProxyConnectError(
      'http://proxy.corp:3128',
      'sts.us-east-1.amazonaws.com:443',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    expect(toApiError(down).message).toBe('Could not reach the proxy http://proxy.corp:3128 to connect to sts.us-east-1.amazonaws.com:443 (ECONNREFUSED).');
  });

  it('a stalled call says how long it waited and that it was stopped like Cancel', () => {
    const stalled = Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 60000 ms of inactivity'), {
      name: 'TimeoutError',
      $network: net,
      $metadata: { attempts: 3 },
    });
    const error = toApiError(stalled, { action: 's3:PutBucketNotification', resource: 'arn:aws:s3:::b' });
    expect(error).toMatchObject({
      code: 'TIMED_OUT',
      message: 's3:PutBucketNotification on arn:aws:s3:::b stalled: sqs.us-east-1.amazonaws.com sent nothing for 60 s, 3 tries.',
    });
    expect(error.fix).toContain('as Cancel would stop it');
    expect(error.fix).toContain('SQS_S3_WIZARD_READ_TIMEOUT');
  });

  it('a reset connection, which the SDK also names TimeoutError, stays an unreachable endpoint rather than a stall', () => {
    const reset = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    expect(toApiError(reset, { action: 'sqs:CreateQueue' }).code).toBe('ENDPOINT_UNREACHABLE');
  });

  it('an opt-in Region the account has not enabled is named as such, with the command to enable it', () => {
    const invalid = Object.assign(new Error('The security token included in the request is invalid.'), {
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
    expect(toApiError(invalid, { action: 'sts:GetCallerIdentity', region: 'ap-east-1' })).toMatchObject({
      code: 'REGION_NOT_ENABLED',
      command: 'aws account enable-region --region-name ap-east-1',
    });
    expect(toApiError(Object.assign(invalid, { $network: { ...net, host: 'sqs.me-central-1.amazonaws.com' } })).code).toBe('REGION_NOT_ENABLED');
    expect(toApiError(invalid, { region: 'eu-west-1' }).code).toBe('CREDENTIALS_INVALID');
  });

  it('a failure waited on for eventual consistency says how long and why', () => {
    const waited = Object.assign(new Error('A conflicting conditional operation is currently in progress against this resource.'), {
      name: 'OperationAborted',
      $waitedOut: { reason: 'S3 answered OperationAborted', waitedMs: 31_000, tries: 5 },
    });
    expect(toApiError(waited, { action: 's3:PutBucketNotification' }).message).toMatch(/\(Still failing after waiting 31 s: S3 answered OperationAborted\.\)$/);
  });
});
