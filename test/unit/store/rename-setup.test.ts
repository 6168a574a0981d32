import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import { auditLogPath } from '../../../main/store/audit-log';
import { backupsDir, listBackups, writeBackup } from '../../../main/store/backups';
import { deleteSetup, getSetup, listSetups, markSetup, renameSetup, saveSetup } from '../../../main/store/setups';
import { useTempDir } from './temp-dir';

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

async function backupOf(dir: string, setupName: string): Promise<string> {
  return writeBackup(dir, {
    setupName,
    kind: 'queue-policy',
    resource: `arn:aws:sqs:us-east-1:123456789012:${setupName}-s3-events`,
    account: '123456789012',
    region: 'us-east-1',
    document: { Version: '2012-10-17', Statement: [] },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(err)}`);
  return err;
}

describe('renaming and deleting a saved setup keeps its backups with it', () => {
  const tempDir = useTempDir();

  it('moves the backups to the new name; a new setup of the old name sees none; one audit line links the names', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    await markSetup(dir, setup.name, { status: 'applied' });
    const files = [await backupOf(dir, setup.name), await backupOf(dir, setup.name)].map((p) => p.split('/').at(-1));
    await renameSetup(dir, setup.name, 'orders-prod');

    expect((await listBackups(dir, 'orders-prod')).map((b) => b.file).sort()).toEqual([...files].sort());
    expect(await listBackups(dir, setup.name)).toEqual([]);
    expect(existsSync(backupsDir(dir, setup.name))).toBe(false);
    await saveSetup(dir, setup, null);
    expect(await listBackups(dir, setup.name)).toEqual([]);
    expect((await listSetups(dir)).map((r) => [r.setup.name, r.status]).sort()).toEqual([
      ['orders-landing', 'draft'],
      ['orders-prod', 'applied'],
    ]);
    const audit = readFileSync(auditLogPath(dir), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit).toEqual([expect.objectContaining({ setupName: 'orders-prod', step: 'rename', action: 'renamed from "orders-landing"', outcome: 'ok' })]);
  });

  it('renames a setup that has no backups yet', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    await renameSetup(dir, setup.name, 'orders-prod');
    expect(await getSetup(dir, 'orders-prod')).toMatchObject({ setup: { name: 'orders-prod' } });
    expect(existsSync(backupsDir(dir, 'orders-prod'))).toBe(false);
  });

  it('refuses a new name whose backups folder holds other backups, and changes nothing', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    const ours = await backupOf(dir, setup.name);
    const theirs = await backupOf(dir, 'orders-prod');
    const failure = await failureOf(renameSetup(dir, setup.name, 'orders-prod'));
    expect(failure.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Backups of an earlier setup named "orders-prod"') });
    expect((await listSetups(dir)).map((r) => r.setup.name)).toEqual([setup.name]);
    expect((await listBackups(dir, setup.name)).map((b) => b.path)).toEqual([ours]);
    expect((await listBackups(dir, 'orders-prod')).map((b) => b.path)).toEqual([theirs]);
  });

  it('moves onto an empty backups folder of the new name', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    await backupOf(dir, setup.name);
    mkdirSync(backupsDir(dir, 'orders-prod'), { recursive: true });
    await renameSetup(dir, setup.name, 'orders-prod');
    expect(await listBackups(dir, 'orders-prod')).toHaveLength(1);
  });

  it('a new name that cannot take the backups leaves the setup and its backups where they were', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    const ours = await backupOf(dir, setup.name);
    // A file where the new backups folder would go: the move cannot happen.
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(backupsDir(dir, 'orders-prod'), 'not a folder');
    await expect(renameSetup(dir, setup.name, 'orders-prod')).rejects.toThrow();
    expect((await listSetups(dir)).map((r) => r.setup.name)).toEqual([setup.name]);
    expect((await listBackups(dir, setup.name)).map((b) => b.path)).toEqual([ours]);
  });

  it('deleting a setup sets its backups aside, so a later setup of the same name starts with none', async () => {
    const dir = tempDir();
    await saveSetup(dir, setup, null);
    await backupOf(dir, setup.name);
    expect(await deleteSetup(dir, setup.name)).toBe(true);
    await saveSetup(dir, setup, null);
    expect(await listBackups(dir, setup.name)).toEqual([]);
    const aside = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith(`${setup.name}@deleted-`));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(dir, 'backups', aside[0] ?? ''))).toHaveLength(1);
  });
});
