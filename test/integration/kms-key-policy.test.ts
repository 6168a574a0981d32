import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { motoEnv } from '../support/aws-profile-files';
import { connectedApi } from '../support/configured-account';
import { createBucket, createKmsKey, createQueueWithAttributes, kmsKeyPolicy, motoClients, sampleSetup } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');
const setup = sampleSetup();
const SID = 'AllowS3ToUseTheKeyForSqsNotifications';
/** The statement KMS puts in the policy of a key created without one (moto writes the same). */
const DEFAULT_SID = 'Enable IAM User Permissions';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-kms-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(setup));
  const dataDir = join(dir, 'data');
  const env = { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: dataDir };
  return { file, dataDir, env, cli: (args: ReadonlyArray<string>) => runCli(args, env) };
}

type Change = { step: string; action: string; backup: string | null };
const actions = (stdout: string) => (JSON.parse(stdout) as { changes: Change[] }).changes.map((c) => [c.step, c.action]);

/** The setup's queue already exists, encrypted with a customer managed key (as an admin would have made it). */
async function encryptedQueue(keyRef: (key: { keyId: string; arn: string }) => string = (k) => k.keyId) {
  await createBucket(motoUrl, setup.bucket as string);
  const key = await createKmsKey(motoUrl, 'alias/acme-raw-events');
  await createQueueWithAttributes(motoUrl, setup.queueName as string, { KmsMasterKeyId: keyRef(key) });
  return key;
}

describe('KMS key policy step against moto (a queue encrypted with a customer managed key)', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('apply adds our statement with a backup, a second apply is unchanged, remove takes out only ours, restore puts a backup back', async () => {
    const key = await encryptedQueue();
    const before = await kmsKeyPolicy(motoUrl, key.keyId);
    expect(before.Statement.map((s) => s.Sid)).toEqual([DEFAULT_SID]);
    const ws = workspace();

    // The plan shows the key policy step updating the key's policy: ours added, the default statement kept.
    const applied = await ws.cli(['apply', '--setup', ws.file, '--yes', '--skip-test']);
    expect(applied.code, applied.stderr).toBe(0);
    const plan = applied.stderr.slice(applied.stderr.indexOf('== KMS key policy'));
    expect(plan).toMatch(/^== KMS key policy: will update\n {3}arn:aws:kms:us-east-1:123456789012:key\//);
    expect(plan).toContain(`added     Statement ${SID}`);
    expect(plan).toContain(`kept      Statement ${DEFAULT_SID}`);
    expect(plan).toContain('"kms:GenerateDataKey"');
    expect(applied.stdout).toMatch(/KMS key policy: updated \(backup: .*-kms-key-policy\.json\)/);

    const after = await kmsKeyPolicy(motoUrl, key.keyId);
    expect(after.Id).toBe(before.Id);
    expect(after.Statement.map((s) => s.Sid)).toEqual([DEFAULT_SID, SID]);
    expect(after.Statement[0]).toEqual(before.Statement[0]);
    expect(after.Statement[1]).toEqual({
      Sid: SID,
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-raw' }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
    });

    // The backup holds the key policy as it was, addressed by the key's ARN.
    const backups = () =>
      readdirSync(join(ws.dataDir, 'backups', setup.name as string))
        .filter((f) => f.endsWith('-kms-key-policy.json'))
        .sort()
        .map((f) => join(ws.dataDir, 'backups', setup.name as string, f));
    const [applyBackup = ''] = backups();
    expect(statSync(applyBackup).mode & 0o777).toBe(0o600);
    const record = JSON.parse(readFileSync(applyBackup, 'utf8'));
    expect(record).toMatchObject({ kind: 'kms-key-policy', resource: key.arn, account: '123456789012', region: 'us-east-1' });
    expect(JSON.parse(record.document)).toEqual(before);
    const saved = JSON.parse(readFileSync(join(ws.dataDir, 'setups', `${setup.name}.json`), 'utf8'));
    expect(saved.ownership.kmsKeySid).toBe(SID);

    const again = await ws.cli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test']);
    expect(again.code, again.stderr).toBe(0);
    expect(actions(again.stdout)).toContainEqual(['kmsKeyPolicy', 'unchanged']);
    expect((JSON.parse(again.stdout) as { changes: Change[] }).changes.every((c) => c.action === 'unchanged' && c.backup === null)).toBe(true);
    expect(backups()).toHaveLength(1);

    // Remove: our statement goes, the default statement and the key stay.
    const removed = await ws.cli(['remove', '--setup', ws.file, '--yes', '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(actions(removed.stdout)).toContainEqual(['kmsKeyPolicy', 'updated']);
    expect(await kmsKeyPolicy(motoUrl, key.keyId)).toEqual(before);
    expect(backups()).toHaveLength(2);
    const removeBackup = backups()[1] ?? '';
    expect(JSON.parse(JSON.parse(readFileSync(removeBackup, 'utf8')).document)).toEqual(after);

    // Restore the backup remove took: our statement is back; restoring the first backup takes it out again.
    const restored = await ws.cli(['restore', '--backup', removeBackup, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ step: 'kmsKeyPolicy', resource: key.arn, action: 'updated' });
    expect(await kmsKeyPolicy(motoUrl, key.keyId)).toEqual(after);
    const back = await ws.cli(['restore', '--backup', applyBackup, '--yes', '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(await kmsKeyPolicy(motoUrl, key.keyId)).toEqual(before);
  });

  it('resolves an alias to the key, keeps other statements, and stops with DRIFT when the key policy changed since the plan', async () => {
    const key = await encryptedQueue(() => 'alias/acme-raw-events');
    expect(key.arn).toMatch(/^arn:aws:kms:/);
    const users = {
      Sid: 'AllowOrdersService',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/orders' },
      Action: 'kms:Decrypt',
      Resource: '*',
    };
    const seeded = { ...(await kmsKeyPolicy(motoUrl, key.keyId)) };
    const withUsers = { ...seeded, Statement: [...seeded.Statement, users] };
    await motoClients(motoUrl).kms.send(new PutKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default', Policy: JSON.stringify(withUsers) }));
    const ws = workspace();
    const plan = await ws.cli(['plan', '--setup', ws.file, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const { plans } = JSON.parse(plan.stdout) as { plans: Array<{ step: string; action: string; resource: string; basis: string }> };
    const kms = plans.find((p) => p.step === 'kmsKeyPolicy');
    expect(kms).toMatchObject({ action: 'update', resource: key.arn });

    // Someone edits the key policy between the plan and the write: nothing is written.
    await motoClients(motoUrl).kms.send(new PutKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default', Policy: JSON.stringify(seeded) }));
    const api = await connectedApi(motoUrl);
    const drift = await api.dispatch({ channel: 'steps.apply', input: { setup, step: 'kmsKeyPolicy', basis: kms?.basis } });
    expect(drift.ok ? null : drift.error.code).toBe('DRIFT');
    expect(await kmsKeyPolicy(motoUrl, key.keyId)).toEqual(seeded);

    const applied = await ws.cli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test']);
    expect(applied.code, applied.stderr).toBe(0);
    await motoClients(motoUrl).kms.send(new PutKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default', Policy: JSON.stringify(withUsers) }));
    const again = await ws.cli(['apply', '--setup', ws.file, '--yes', '--json', '--skip-test']);
    expect(again.code, again.stderr).toBe(0);
    expect(actions(again.stdout)).toContainEqual(['kmsKeyPolicy', 'updated']);
    expect((await kmsKeyPolicy(motoUrl, key.keyId)).Statement.map((s) => s.Sid)).toEqual([DEFAULT_SID, 'AllowOrdersService', SID]);
  });

  it('blocks the whole apply, with nothing written, when the queue names a KMS key that does not exist', async () => {
    await createBucket(motoUrl, setup.bucket as string);
    await createQueueWithAttributes(motoUrl, setup.queueName as string, { KmsMasterKeyId: '11111111-2222-3333-4444-555555555555' });
    const ws = workspace();
    const run = await ws.cli(['apply', '--setup', ws.file, '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('== KMS key policy: BLOCKED');
    expect(run.stderr).toContain('is encrypted with KMS key 11111111-2222-3333-4444-555555555555, which does not exist');
    expect(run.stderr).toContain('Nothing was written');
  });
});
