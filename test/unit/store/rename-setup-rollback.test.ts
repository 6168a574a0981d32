import { describe, expect, it, vi } from 'vitest';
import type * as FsPromises from 'node:fs/promises';
import type { Setup } from '../../../shared/setup/setup';
import { listBackups, writeBackup } from '../../../main/store/backups';
import { getSetup, listSetups, renameSetup, saveSetup } from '../../../main/store/setups';
import { useTempDir } from './temp-dir';

// The move of a backups folder fails once (a disk error after the new record was written): the rename must undo itself.
const failBackupsMove = vi.hoisted(() => ({ armed: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failBackupsMove.armed && String(from).includes('/backups/')) {
        failBackupsMove.armed = false;
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      }
      return actual.rename(from, to);
    },
  };
});

const setup: Setup = {
  name: 'orders-landing',
  region: 'us-east-1',
  bucket: 'orders-landing',
  prefix: 'incoming/',
  suffix: '.csv',
  queueName: 'orders-landing-s3-events',
  roleName: 'platform-s3-sqs-consumer-role',
  platformSetupRoleArn: 'arn:aws:iam::111122223333:role/platform-setup',
  platformLoadRoleArn: 'arn:aws:iam::111122223333:role/platform-load',
  externalId: 'org-42',
};

describe('a rename that fails part-way', () => {
  const tempDir = useTempDir();

  it('removes the new record again, so the setup and its backups stay together under the old name', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    const backup = await writeBackup(dir, {
      setupName: setup.name,
      kind: 'queue',
      resource: 'arn:aws:sqs:us-east-1:123456789012:orders-landing-s3-events',
      account: '123456789012',
      region: 'us-east-1',
      document: null,
    });
    failBackupsMove.armed = true;
    await expect(renameSetup(dir, setup.name, 'orders-prod')).rejects.toThrow('EIO');
    expect((await listSetups(dir)).map((r) => r.setup.name)).toEqual([setup.name]);
    expect(await getSetup(dir, 'orders-prod')).toBeNull();
    expect((await listBackups(dir, setup.name)).map((b) => b.path)).toEqual([backup]);
    // Nothing is left half-done: the same rename then goes through.
    await renameSetup(dir, setup.name, 'orders-prod');
    expect((await listBackups(dir, 'orders-prod')).map((b) => b.file)).toEqual([backup.split('/').at(-1)]);
  });
});
