import { mkdtempSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caBundleSetting, loadCaBundle } from '../../../main/aws/network/ca-bundle';
import { resolveNetworkSettings, trustedCertificates } from '../../../main/aws/network/network-settings';
import { retrySettings } from '../../../main/aws/network/retry-settings';
import { timeoutsFrom } from '../../../main/aws/network/timeouts';
import { ApiFailure, type ApiError } from '../../../shared/contract/api-error';
import { writeProfileFiles } from '../../support/aws-profile-files';
import { makeTestCertificates } from '../../support/test-certificates';

function failureOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiFailure) return err.error;
    throw err;
  }
  throw new Error('expected a failure');
}

const certificates = makeTestCertificates();

describe('CA bundle', () => {
  it('takes AWS_CA_BUNDLE before the profile ca_bundle, as the AWS CLI does, and names the source', () => {
    expect(caBundleSetting({ AWS_CA_BUNDLE: '/env.pem' }, 'corp', { ca_bundle: '/profile.pem' })).toEqual({ path: '/env.pem', source: 'AWS_CA_BUNDLE' });
    expect(caBundleSetting({}, 'corp', { ca_bundle: '/profile.pem' })).toEqual({ path: '/profile.pem', source: 'ca_bundle of profile corp' });
    expect(caBundleSetting({ HOME: '/home/admin' }, 'corp', { ca_bundle: '~/corp-ca.pem' })?.path).toBe('/home/admin/corp-ca.pem');
    expect(caBundleSetting({}, 'corp', {})).toBeNull();
  });

  it('adds the bundle to Node.js roots instead of replacing them', async () => {
    const settings = await resolveNetworkSettings({
      env: { AWS_CA_BUNDLE: certificates.caPath, AWS_CONFIG_FILE: '/nonexistent' },
      profile: 'x',
      systemProxy: null,
    });
    const trusted = trustedCertificates(settings) ?? [];
    expect(trusted).toHaveLength(rootCertificates.length + 1);
    expect(trusted.at(-1)).toBe(certificates.caPem.trim());
  });

  it('reads ca_bundle, max_attempts and retry_mode from the profile in AWS_CONFIG_FILE', async () => {
    const files = writeProfileFiles(`[profile corp]\nregion = eu-west-1\nca_bundle = ${certificates.caPath}\nmax_attempts = 7\nretry_mode = adaptive\n`, '');
    const settings = await resolveNetworkSettings({ env: files.env, profile: 'corp', systemProxy: null });
    expect(settings.caBundle).toMatchObject({ path: certificates.caPath, source: 'ca_bundle of profile corp' });
    expect(settings.retry).toEqual({ maxAttempts: 7, mode: 'adaptive', source: 'max_attempts of profile corp, retry_mode of profile corp', note: null });
  });

  it('fails at connect, naming the setting, for a missing file, a file without certificates, or a broken certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wizard-ca-'));
    expect(failureOf(() => loadCaBundle({ path: join(dir, 'missing.pem'), source: 'AWS_CA_BUNDLE' }))).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/missing\.pem \(from AWS_CA_BUNDLE\) cannot be read \(ENOENT\)/),
    });
    writeFileSync(join(dir, 'empty.pem'), 'not a certificate\n');
    expect(failureOf(() => loadCaBundle({ path: join(dir, 'empty.pem'), source: 'ca_bundle of profile corp' })).message).toContain('holds no PEM certificate');
    writeFileSync(join(dir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(failureOf(() => loadCaBundle({ path: join(dir, 'broken.pem'), source: 'AWS_CA_BUNDLE' })).message).toContain('Certificate 1');
  });
});

describe('retry settings', () => {
  it("defaults to the SDK's 3 standard tries", () => {
    expect(retrySettings({}, 'p', undefined)).toEqual({ maxAttempts: 3, mode: 'standard', source: 'SDK defaults', note: null });
  });

  it('takes AWS_MAX_ATTEMPTS and AWS_RETRY_MODE before the profile', () => {
    const settings = retrySettings({ AWS_MAX_ATTEMPTS: '10', AWS_RETRY_MODE: 'adaptive' }, 'p', { max_attempts: '2', retry_mode: 'standard' });
    expect(settings).toMatchObject({ maxAttempts: 10, mode: 'adaptive', source: 'AWS_MAX_ATTEMPTS, AWS_RETRY_MODE' });
    expect(retrySettings({}, 'p', { max_attempts: '1' }).maxAttempts).toBe(1);
  });

  it('reads legacy as standard with a note, and refuses values the SDK would reject', () => {
    expect(retrySettings({ AWS_RETRY_MODE: 'legacy' }, 'p', undefined)).toMatchObject({ mode: 'standard', note: expect.stringContaining('legacy') });
    expect(failureOf(() => retrySettings({ AWS_MAX_ATTEMPTS: 'many' }, 'p', undefined))).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('AWS_MAX_ATTEMPTS'),
    });
    expect(failureOf(() => retrySettings({}, 'corp', { max_attempts: '0' })).message).toContain('max_attempts of profile corp');
    expect(failureOf(() => retrySettings({ AWS_RETRY_MODE: 'fast' }, 'p', undefined)).message).toContain('standard or adaptive');
  });
});

describe('timeouts', () => {
  it('reads the read timeout and the consistency wait in seconds, and refuses nonsense', () => {
    expect(timeoutsFrom({})).toEqual({ connectMs: 10_000, readMs: 60_000, consistencyWaitMs: 60_000 });
    expect(timeoutsFrom({ SQS_S3_WIZARD_READ_TIMEOUT: '5', SQS_S3_WIZARD_CONSISTENCY_WAIT: '0' })).toMatchObject({ readMs: 5_000, consistencyWaitMs: 0 });
    expect(failureOf(() => timeoutsFrom({ SQS_S3_WIZARD_READ_TIMEOUT: '0' })).message).toContain('SQS_S3_WIZARD_READ_TIMEOUT');
  });
});
