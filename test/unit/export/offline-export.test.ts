import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/api/dispatch';
import { handlers } from '../../../main/api/handlers';
import { Workspace } from '../../../main/api/workspace';
import type { ExportBuild } from '../../../shared/export/export-build';
import { BUILT, SETUP } from './export-fixture';

function dispatcher() {
  return createDispatcher({ handlers, workspace: new Workspace({}), frontEnd: 'cli', emit: () => undefined });
}

function content(build: ExportBuild, name: string): unknown {
  return JSON.parse(build.files.find((f) => f.name === name)?.content ?? 'undefined');
}

describe('export.build without a connection', () => {
  it("with an account id: the builders' documents, not merged, and a note that says so", async () => {
    const result = await dispatcher()({ channel: 'export.build', input: { setup: SETUP, accountId: '123456789012' } });
    expect(result.ok).toBe(true);
    const build = (result as { value: ExportBuild }).value;
    expect(build).toMatchObject({ merged: false, accountId: '123456789012' });
    expect(content(build, 'queue-policy.json')).toEqual(BUILT.queuePolicy);
    expect(content(build, 'bucket-notification.json')).toEqual(BUILT.bucketNotification);
    expect(content(build, 'trust-policy.json')).toEqual(BUILT.trustPolicy);
    expect(content(build, 'permissions-policy.json')).toEqual(BUILT.permissionsPolicy);
    expect(content(build, 'base/trust-policy.json')).toBeNull();
    expect(content(build, 'platform-registration.json')).toMatchObject({
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-events',
      roleArn: 'arn:aws:iam::123456789012:role/platform-s3-sqs-consumer-role',
    });
    expect(build.notes[0]).toMatch(/NOT merged with the live documents/);
  });

  it('without an account id: NOT_CONNECTED, saying how to export offline', async () => {
    const result = await dispatcher()({ channel: 'export.build', input: { setup: SETUP } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    expect(result.ok ? '' : result.error.fix).toContain('--account-id');
  });

  it('refuses an account id that is not 12 digits', async () => {
    const result = await dispatcher()({ channel: 'export.build', input: { setup: SETUP, accountId: '12345' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('keeps the setup options: prefix-scoped reads and DeleteObject reach the permissions policy', async () => {
    const setup = { ...SETUP, objectReadScope: 'prefix' as const, allowDeleteObject: true };
    const result = await dispatcher()({ channel: 'export.build', input: { setup, accountId: '123456789012' } });
    const policy = content((result as { value: ExportBuild }).value, 'permissions-policy.json') as { Statement: Array<{ Sid: string; Resource: string }> };
    expect(policy.Statement.map((s) => s.Sid)).toContain('S3ObjectDeleteAccess');
    expect(policy.Statement.find((s) => s.Sid === 'S3ObjectReadAccess')?.Resource).toBe('arn:aws:s3:::acme-raw/incoming/*');
  });
});
