import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import { deleteSetup, getSetup, listSetups, markSetup, saveSetup, setupsDir } from '../../../main/store/setups';
import { permissions, useTempDir } from './temp-dir';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const setup: Setup = {
  name: 'orders-prod',
  region: 'us-east-1',
  bucket: 'orders-landing',
  prefix: 'incoming/',
  suffix: '.csv',
  queueName: 'orders-events',
  roleName: 'platform-orders-reader',
  platformSetupRoleArn: 'arn:aws:iam::111122223333:role/platform-setup',
  platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load',
  externalId: 'ext-1234567890',
};

const tick = () => new Promise((r) => setTimeout(r, 5));

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(err)}`);
  return err;
}

describe('saved setups', () => {
  const tempDir = useTempDir();

  it('reads a setup saved before the KMS key policy step: its ownership has no KMS key policy Sid', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    const ownership = {
      tagName: 'orders-prod',
      queue: { name: 'orders-events', created: true },
      notificationId: 'orders-events',
      queuePolicySid: 'AllowS3ToSendMessage',
      role: null,
      trustSids: [],
      inlinePolicy: null,
    };
    const file = join(setupsDir(dir), 'orders-prod.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ownership }));
    expect((await getSetup(dir, 'orders-prod'))?.ownership).toEqual({ ...ownership, kmsKeySid: null, fanOut: null });
  });

  it('creates a draft, then updates the fields keeping status, ids and createdAt', async () => {
    const dir = tempDir();
    const created = await saveSetup(dir, setup);
    expect(created).toMatchObject({ setup, status: 'draft' });
    expect(created.createdAt).toBe(created.updatedAt);
    await tick();
    const marked = await markSetup(dir, 'orders-prod', {
      status: 'applied',
      appliedAt: '2026-11-24T23:45:01.123Z',
      accountId: '123456789012',
      queueArn: 'arn:q',
      roleArn: 'arn:r',
    });
    await tick();
    const updated = await saveSetup(dir, { ...setup, suffix: '.json' });
    expect(updated).toMatchObject({
      status: 'applied',
      appliedAt: '2026-11-24T23:45:01.123Z',
      accountId: '123456789012',
      queueArn: 'arn:q',
      roleArn: 'arn:r',
      createdAt: created.createdAt,
    });
    expect(updated.setup.suffix).toBe('.json');
    expect(updated.updatedAt > marked.updatedAt).toBe(true);
    expect(await getSetup(dir, 'orders-prod')).toEqual(updated);
  });

  it('marks status and ids, ignoring undefined patch values, and refuses an unknown setup', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    await markSetup(dir, 'orders-prod', { queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-events' });
    const verified = await markSetup(dir, 'orders-prod', { status: 'verified', verifiedAt: '2026-11-25T00:00:00.000Z', queueUrl: undefined });
    expect(verified).toMatchObject({ status: 'verified', queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-events' });
    expect((await failureOf(markSetup(dir, 'nobody', { status: 'applied' }))).error.code).toBe('NOT_FOUND');
  });

  it('writes nothing for a mark that changes nothing (the file and its updatedAt stay as they were)', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    const marked = await markSetup(dir, 'orders-prod', { status: 'applied', accountId: '123456789012' });
    const file = join(setupsDir(dir), 'orders-prod.json');
    const before = { text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await markSetup(dir, 'orders-prod', { status: 'applied', accountId: '123456789012', queueUrl: undefined })).toEqual(marked);
    expect(await markSetup(dir, 'orders-prod', (record) => ({ attention: record.attention }))).toEqual(marked);
    expect({ text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs }).toEqual(before);
    const changed = await markSetup(dir, 'orders-prod', { status: 'verified' });
    expect(changed.updatedAt >= marked.updatedAt && changed.status === 'verified').toBe(true);
    expect(readFileSync(file, 'utf8')).not.toBe(before.text);
  });

  it('makes a patch from the record inside the lock, so concurrent marks that merge with it lose nothing', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    const addAttention = (item: string) => markSetup(dir, 'orders-prod', (record) => ({ attention: [...(record.attention ?? []), item] }));
    await Promise.all([addAttention('queue'), addAttention('role'), addAttention('bucket')]);
    expect([...((await getSetup(dir, 'orders-prod'))?.attention ?? [])].sort()).toEqual(['bucket', 'queue', 'role']);
  });

  posixOnly('writes setups/<name>.json with mode 0600 in 0700 folders, leaving no temp files', async () => {
    const dir = join(tempDir(), 'data');
    await saveSetup(dir, setup);
    const path = join(setupsDir(dir), 'orders-prod.json');
    expect(permissions(statSync(path).mode)).toBe(0o600);
    expect(permissions(statSync(setupsDir(dir)).mode)).toBe(0o700);
    expect(permissions(statSync(dir).mode)).toBe(0o700);
    expect(readdirSync(setupsDir(dir))).toEqual(['orders-prod.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ setup, status: 'draft' });
  });

  it('lists most recently updated first and gets null for an unknown name', async () => {
    const dir = tempDir();
    expect(await listSetups(dir)).toEqual([]);
    for (const name of ['alpha', 'beta', 'gamma']) {
      await saveSetup(dir, { ...setup, name });
      await tick();
    }
    await markSetup(dir, 'alpha', { status: 'applied' });
    expect((await listSetups(dir)).map((r) => r.setup.name)).toEqual(['alpha', 'gamma', 'beta']);
    expect(await getSetup(dir, 'delta')).toBeNull();
  });

  it('loses no update when saves and marks run at the same time', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    await Promise.all([
      markSetup(dir, 'orders-prod', { accountId: '123456789012' }),
      markSetup(dir, 'orders-prod', { queueArn: 'arn:q' }),
      saveSetup(dir, { ...setup, prefix: 'new/' }),
      markSetup(dir, 'orders-prod', { roleArn: 'arn:r' }),
    ]);
    expect(await getSetup(dir, 'orders-prod')).toMatchObject({ accountId: '123456789012', queueArn: 'arn:q', roleArn: 'arn:r', setup: { prefix: 'new/' } });
  });

  it('deletes a setup; deleting again says there was none', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    expect(await deleteSetup(dir, 'orders-prod')).toBe(true);
    expect(await deleteSetup(dir, 'orders-prod')).toBe(false);
    expect(await getSetup(dir, 'orders-prod')).toBeNull();
  });

  it('refuses an invalid setup and names a damaged file', async () => {
    const dir = tempDir();
    expect((await failureOf(saveSetup(dir, { ...setup, bucket: 'Bad_Bucket' }))).error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('bucket'),
    });
    expect((await failureOf(saveSetup(dir, { ...setup, name: '../escape' }))).error.code).toBe('BAD_INPUT');
    await saveSetup(dir, setup);
    writeFileSync(join(setupsDir(dir), 'orders-prod.json'), '{"setup": {');
    const failure = await failureOf(getSetup(dir, 'orders-prod'));
    expect(failure.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('orders-prod.json') });
  });

  it("refuses a new setup under a saved setup's name (field and fix named), leaving that setup as it was", async () => {
    const dir = tempDir();
    const first = await saveSetup(dir, setup, null);
    await markSetup(dir, 'orders-prod', { status: 'applied', queueArn: 'arn:q' });
    const failure = await failureOf(saveSetup(dir, { ...setup, prefix: 'archive/', queueName: 'archive-events' }, null));
    expect(failure.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Setup name "orders-prod" is already used by another saved setup: saving would replace it.',
      fix: expect.stringContaining('"orders-prod-2"'),
      issues: [{ field: 'name', message: expect.stringContaining('orders-prod') }],
    });
    expect(await getSetup(dir, 'orders-prod')).toMatchObject({ setup: first.setup, status: 'applied', queueArn: 'arn:q' });
    expect(await saveSetup(dir, { ...setup, name: 'orders-prod-2' }, null)).toMatchObject({ status: 'draft' });
    // Names differing only in case are one file on macOS and Windows: refused everywhere.
    expect((await failureOf(saveSetup(dir, { ...setup, name: 'Orders-Prod' }, null))).error.code).toBe('CONFLICT');
  });

  it('updates the setup the form edits, and moves it (never copies) when the form changed its name', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    await markSetup(dir, 'orders-prod', { status: 'applied' });
    expect(await saveSetup(dir, { ...setup, suffix: '.json' }, 'orders-prod')).toMatchObject({ status: 'applied', setup: { suffix: '.json' } });
    const moved = await saveSetup(dir, { ...setup, name: 'orders-live', suffix: '.json' }, 'orders-prod');
    expect(moved).toMatchObject({ status: 'applied', setup: { name: 'orders-live' } });
    expect((await listSetups(dir)).map((r) => r.setup.name)).toEqual(['orders-live']);
    await saveSetup(dir, { ...setup, name: 'orders-test' }, null);
    // Editing orders-live under the name of orders-test would replace orders-test: refused, both stay.
    expect((await failureOf(saveSetup(dir, { ...setup, name: 'orders-test' }, 'orders-live'))).error.code).toBe('CONFLICT');
    expect((await listSetups(dir)).map((r) => r.setup.name).sort()).toEqual(['orders-live', 'orders-test']);
    expect(await getSetup(dir, 'orders-test')).toMatchObject({ setup: { suffix: '.csv' } });
  });

  it('a setup file (no editing given) creates or updates its own name, as the CLI has always done', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup);
    expect(await saveSetup(dir, { ...setup, prefix: 'new/' })).toMatchObject({ setup: { prefix: 'new/' } });
  });
});
