import { describe, expect, it } from 'vitest';
import { validateQueueName } from '../../../shared/validation/queue-name';
import { validateSetupName } from '../../../shared/validation/setup-name';
import { draftFromSetup, draftIssues, emptyDraft, followDefaults, sameSetup, setupFromDraft, takenNameIssue } from '../../../renderer/src/scope/scope-draft';
import { defaultQueueName, freeQueueName, freeSetupName } from '../../../shared/setup/default-names';
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

describe('free default names for a new setup', () => {
  const none = { setupNames: new Set<string>(), queueNames: new Set<string>(), roleNames: new Set<string>() };
  const first = { setupNames: new Set(['orders']), queueNames: new Set(['orders-s3-events']), roleNames: new Set(['platform-s3-sqs-consumer-role']) };

  it('offers the bucket as the setup name unless a saved setup has it (any case), then -2, -3', () => {
    expect(freeSetupName('orders', new Set())).toBe('orders');
    expect(freeSetupName('orders', new Set(['Orders']))).toBe('orders-2');
    expect(freeSetupName('orders', new Set(['orders', 'orders-2']))).toBe('orders-3');
    expect(freeSetupName('', new Set(['orders']))).toBe('');
    const long = 'x'.repeat(63);
    const free = freeSetupName(long, new Set([long]));
    expect(free).toBe(`${'x'.repeat(62)}-2`);
    expect(validateSetupName(free)).toBeNull();
  });

  it("offers the bucket's queue name unless a saved setup uses it, then one of the setup's own", () => {
    expect(freeQueueName('orders', 'orders-2', new Set())).toBe('orders-s3-events');
    expect(freeQueueName('orders', 'orders-2', new Set(['orders-s3-events']))).toBe('orders-s3-events-orders-2');
    expect(freeQueueName('orders', 'orders-2', new Set(['orders-s3-events', 'orders-s3-events-orders-2']))).toBe('orders-s3-events-orders-2-2');
    const name = freeQueueName(`${'a'.repeat(63)}`, `${'b'.repeat(64)}`, new Set([`${'a'.repeat(63)}-s3-events`]));
    expect(validateQueueName(name)).toBeNull();
  });

  it('a new draft follows the bucket to free names; typed-in fields stay as typed', () => {
    const draft = { ...emptyDraft('us-east-1'), bucket: 'orders' };
    expect(followDefaults(draft, new Set(['bucket']), none)).toMatchObject({
      name: 'orders',
      queueName: 'orders-s3-events',
      roleName: 'platform-s3-sqs-consumer-role',
    });
    expect(followDefaults(draft, new Set(['bucket']), first)).toMatchObject({
      name: 'orders-2',
      queueName: 'orders-s3-events-orders-2',
      roleName: 'platform-s3-sqs-consumer-role-orders-2',
    });
    const typed = { ...draft, name: 'archive', queueName: 'orders-s3-events' };
    expect(followDefaults(typed, new Set(['bucket', 'name', 'queueName']), first)).toMatchObject({
      name: 'archive',
      queueName: 'orders-s3-events',
      roleName: 'platform-s3-sqs-consumer-role-archive',
    });
  });

  it("says a taken setup name is taken, with a free one to use; the edited setup's own name is not among the taken", () => {
    expect(takenNameIssue('orders', first)).toBe(
      'Setup name "orders" is already used by another saved setup: saving would replace it. Choose another setup name, e.g. "orders-2", or open "orders" from the setups list to change it.',
    );
    expect(takenNameIssue('orders-2', first)).toBeNull();
    expect(takenNameIssue('orders', none)).toBeNull();
  });
});
