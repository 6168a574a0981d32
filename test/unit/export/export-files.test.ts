import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../../shared/export/export-files';
import { registrationJson } from '../../../shared/handoff/platform-registration';
import { BUILT, exportInput } from './export-fixture';

function fileMap(files: ReadonlyArray<{ name: string; content: string }>): Map<string, string> {
  return new Map(files.map((f) => [f.name, f.content]));
}

describe('exportFiles', () => {
  const files = fileMap(exportFiles(exportInput()));

  it("holds the issue's files plus base/ for the drift guard", () => {
    expect([...files.keys()]).toEqual([
      'README.md',
      'apply.sh',
      'queue-policy.json',
      'bucket-notification.json',
      'trust-policy.json',
      'permissions-policy.json',
      'platform-registration.json',
      'base/queue-policy.json',
      'base/bucket-notification.json',
      'base/trust-policy.json',
      'base/permissions-policy.json',
    ]);
  });

  it('writes the documents as the builders make them, parseable JSON', () => {
    expect(JSON.parse(files.get('queue-policy.json') ?? '')).toEqual(BUILT.queuePolicy);
    expect(JSON.parse(files.get('bucket-notification.json') ?? '')).toEqual(BUILT.bucketNotification);
    expect(JSON.parse(files.get('trust-policy.json') ?? '')).toEqual(BUILT.trustPolicy);
    expect(JSON.parse(files.get('permissions-policy.json') ?? '')).toEqual(BUILT.permissionsPolicy);
    expect(files.get('platform-registration.json')).toBe(registrationJson(exportInput().registration));
    expect(JSON.parse(files.get('base/queue-policy.json') ?? '')).toBeNull();
    expect(JSON.parse(files.get('base/bucket-notification.json') ?? '')).toEqual({});
  });

  it('writes the notification as it is PUT: filter rule names in lower case, other configurations kept', () => {
    const live = {
      TopicConfigurations: [
        {
          Id: 'alerts',
          TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
          Events: ['s3:ObjectRemoved:*'],
          Filter: { Key: { FilterRules: [{ Name: 'Suffix', Value: '.log' }] } },
        },
      ],
      QueueConfigurations: [
        { Id: 'orders-events', QueueArn: 'arn:q', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'incoming/' }] } } },
      ],
    };
    const out = fileMap(
      exportFiles(exportInput({ proposed: { ...BUILT, bucketNotification: live }, base: { ...exportInput().base, bucketNotification: live } })),
    );
    const sent = JSON.parse(out.get('bucket-notification.json') ?? '');
    expect(sent.TopicConfigurations[0].Filter.Key.FilterRules).toEqual([{ Name: 'suffix', Value: '.log' }]);
    expect(sent.QueueConfigurations[0].Filter.Key.FilterRules).toEqual([{ Name: 'prefix', Value: 'incoming/' }]);
    expect(JSON.parse(out.get('base/bucket-notification.json') ?? '')).toEqual(live);
  });

  it('README names every file, the resources, how to run apply.sh, and that the documents were merged', () => {
    const readme = files.get('README.md') ?? '';
    for (const name of [
      'queue-policy.json',
      'bucket-notification.json',
      'trust-policy.json',
      'permissions-policy.json',
      'platform-registration.json',
      'apply.sh',
      'base/',
    ]) {
      expect(readme).toContain(`\`${name}\``);
    }
    for (const value of ['123456789012', 'us-east-1', 'acme-raw', 'orders-events', 'platform-s3-sqs-consumer-role', 'platform-s3-sqs-access'])
      expect(readme).toContain(value);
    expect(readme).toContain('AWS_PROFILE=');
    expect(readme).toContain('backups/');
    expect(readme).toContain('merged with the live documents');
    expect(readme).toContain('2025-03-04T05:06:07.000Z');
    expect(readme).not.toContain('NOT merged');
  });

  it('an offline export says in README that the documents were NOT merged, and lists the notes', () => {
    const out = fileMap(exportFiles(exportInput({ merged: false, notes: ['Queue: a note to read'] })));
    expect(out.get('README.md')).toContain('NOT merged with the live documents');
    expect(out.get('README.md')).toContain('- Queue: a note to read');
    expect(out.get('apply.sh')).toContain('MERGED=no');
  });
});
