import { describe, expect, it } from 'vitest';
import { validateQueueName } from '../../../shared/validation/queue-name';
import { validateSetupName } from '../../../shared/validation/setup-name';
import { defaultQueueName, draftFromSetup, draftIssues, emptyDraft, sameSetup, setupFromDraft } from '../../../renderer/src/scope/scope-draft';
import type { Setup } from '../../../shared/setup/setup';

const SETUP: Setup = {
  name: 'orders',
  region: 'us-east-1',
  bucket: 'orders',
  prefix: 'in/',
  suffix: '.csv',
  queueName: 'orders-s3-events',
  roleName: 'platform-s3-sqs-consumer-role',
  platformSetupRoleArn: 'arn:aws:iam::111122223333:role/setup',
  platformLoadRoleArn: 'arn:aws:iam::111122223333:role/load',
  externalId: 'org-1',
};

describe('defaultQueueName', () => {
  it('derives "<bucket>-s3-events" with dots made dashes', () => {
    expect(defaultQueueName('my.data.bucket')).toBe('my-data-bucket-s3-events');
    expect(defaultQueueName('')).toBe('');
  });

  it('stays a valid queue name for the longest bucket names', () => {
    const bucket = `${'a'.repeat(30)}.${'b'.repeat(32)}`;
    const name = defaultQueueName(bucket);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(validateQueueName(name)).toBeNull();
  });

  it('the setup name defaults to a bucket name, which is always a valid setup name', () => {
    for (const bucket of ['orders', 'my.data-bucket', `${'x'.repeat(63)}`]) expect(validateSetupName(bucket)).toBeNull();
  });
});

describe('scope draft', () => {
  it('round-trips a setup; options are written only when on', () => {
    expect(setupFromDraft(draftFromSetup(SETUP))).toEqual(SETUP);
    const withOptions = setupFromDraft({ ...draftFromSetup(SETUP), limitReadsToPrefix: true, allowDeleteObject: true });
    expect(withOptions).toEqual({ ...SETUP, objectReadScope: 'prefix', allowDeleteObject: true });
  });

  it('compares setups with the options defaults filled in', () => {
    expect(sameSetup(SETUP, { ...SETUP, objectReadScope: 'bucket', allowDeleteObject: false })).toBe(true);
    expect(sameSetup(SETUP, { ...SETUP, prefix: 'other/' })).toBe(false);
    expect(sameSetup(SETUP, { ...SETUP, allowDeleteObject: true })).toBe(false);
  });

  it('reports each field with the shared validators', () => {
    const issues = draftIssues(emptyDraft('us-east-1'));
    expect(issues.region).toBeNull();
    expect(issues.prefix).toBeNull();
    expect(issues.roleName).toBeNull();
    expect(issues.bucket?.message).toMatch(/Bucket name is required/);
    expect(issues.platformSetupRoleArn?.field).toBe('platformSetupRoleArn');
    expect(draftIssues(draftFromSetup(SETUP))).toEqual(Object.fromEntries(Object.keys(issues).map((k) => [k, null])));
  });
});
