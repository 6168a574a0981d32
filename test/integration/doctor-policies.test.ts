import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { KMS_KEY_POLICY_SID } from '../../shared/policy/build-kms-key-statement';
import { buildPermissionsPolicy } from '../../shared/policy/build-permissions-policy';
import { FAKE_KEYS } from '../support/aws-profile-files';
import { configuredAccount } from '../support/configured-account';
import { ensureBuilt } from '../support/ensure-built';
import { motoClients } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

// Hand-written policies admins use, judged through `doctor --json` as an admin runs it: each check's status, and that
// its detail names the statement that decided.

const motoUrl = inject('motoUrl');
const ACCOUNT = '123456789012';
const ROLE = 'platform-s3-sqs-consumer-role';
const BUCKET_ARN = 'arn:aws:s3:::acme-raw';
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:acme-raw-s3-events`;
const V = '2012-10-17';

type Check = { id: string; status: string; detail: string; fix: string | null; fixStep: string | null };
type Report = { ok: boolean; checks: Check[] };

const iam = () =>
  new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey } });

/** A configured account; `doctor` runs the built CLI with --json against it. */
async function account() {
  const { env, setup, call } = await configuredAccount(motoUrl);
  const dir = mkdtempSync(join(tmpdir(), 'doctor-policies-'));
  writeFileSync(join(dir, 'setup.json'), JSON.stringify(setup));
  const doctor = async (): Promise<Record<string, Check>> => {
    const run = await runCli(['doctor', '--setup', join(dir, 'setup.json'), '--json'], env);
    expect([0, 1], run.stderr).toContain(run.code);
    const report = JSON.parse(run.stdout) as Report;
    return Object.fromEntries(report.checks.map((c) => [c.id, c]));
  };
  return { doctor, call, setup };
}

async function setQueuePolicy(statements: ReadonlyArray<unknown>): Promise<void> {
  const { sqs } = motoClients(motoUrl);
  const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: 'acme-raw-s3-events' }))).QueueUrl;
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify({ Version: V, Statement: statements }) } }));
}

async function setTrust(statements: ReadonlyArray<unknown>): Promise<void> {
  await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: JSON.stringify({ Version: V, Statement: statements }) }));
}

async function setPermissions(document: unknown): Promise<void> {
  await iam().send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'platform-s3-sqs-access', PolicyDocument: JSON.stringify(document) }));
}

const s3Sends = { Sid: 'S3Sends', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE_ARN };
const platformTrust = (
  condition: unknown,
  principal: unknown = { AWS: ['arn:aws:iam::111122223333:role/platform-setup', 'arn:aws:iam::111122223333:role/platform-load'] },
) => ({
  Sid: 'PlatformAssumes',
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  Condition: condition,
});
const ours = () => buildPermissionsPolicy({ bucket: 'acme-raw', queueArn: QUEUE_ARN, prefix: 'incoming/' });

describe('doctor --json judges hand-written policies as AWS does', () => {
  beforeAll(ensureBuilt, 120_000);
  beforeEach(async () => resetMoto(motoUrl));

  it('queue policy written with ${aws:ResourceAccount} passes, naming its statement', async () => {
    const { doctor } = await account();
    await setQueuePolicy([
      { ...s3Sends, Condition: { ArnLike: { 'aws:SourceArn': BUCKET_ARN }, StringEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' } } },
    ]);
    const check = (await doctor())['queue-policy'];
    expect(check).toMatchObject({ status: 'pass' });
    expect(check?.detail).toContain('Allowed by statement S3Sends');
  });

  it('data-perimeter Deny statements: sparing AWS services passes; a VPC-endpoint perimeter depends on the network (warn)', async () => {
    const { doctor } = await account();
    const spared = {
      Sid: 'EnforceOrgPerimeter',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
    };
    await setQueuePolicy([{ ...s3Sends, Condition: { ArnLike: { 'aws:SourceArn': BUCKET_ARN } } }, spared]);
    expect((await doctor())['queue-policy']?.status).toBe('pass');
    const vpce = {
      Sid: 'EnforceNetworkPerimeter',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    };
    await setQueuePolicy([{ ...s3Sends, Condition: { ArnLike: { 'aws:SourceArn': BUCKET_ARN } } }, vpce]);
    const check = (await doctor())['queue-policy'];
    expect(check?.status).toBe('warn');
    expect(check?.detail).toMatch(/EnforceNetworkPerimeter may apply: .*depends on the network \(aws:SourceVpce\)/);
  });

  it('trust narrowed by aws:PrincipalArn on the platform account passes, naming the statement', async () => {
    const { doctor } = await account();
    await setTrust([
      platformTrust(
        { StringEquals: { 'sts:ExternalId': 'org-42' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/platform-*' } },
        { AWS: 'arn:aws:iam::111122223333:root' },
      ),
    ]);
    const check = (await doctor())['trust'];
    expect(check?.status).toBe('pass');
    expect(check?.detail).toContain('allowed by PlatformAssumes');
  });

  it('a trust policy that also lets the platform in without the external ID warns (confused deputy), naming the statement', async () => {
    const { doctor } = await account();
    await setTrust([platformTrust({ StringEqualsIfExists: { 'sts:ExternalId': 'org-42' } })]);
    const check = (await doctor())['trust'];
    expect(check).toMatchObject({ status: 'warn', fixStep: 'roleTrust' });
    expect(check?.detail).toContain('WITHOUT the external ID (statement PlatformAssumes)');
  });

  it('a trust policy conditioned on the organisation depends on it: a warning naming the key, never a pass', async () => {
    const { doctor } = await account();
    await setTrust([platformTrust({ StringEquals: { 'sts:ExternalId': 'org-42', 'aws:PrincipalOrgID': 'o-platform' } }, { AWS: '*' })]);
    const check = (await doctor())['trust'];
    expect(check?.status).toBe('warn');
    expect(check?.detail).toMatch(/PlatformAssumes.*aws:PrincipalOrgID/);
  });

  it('permissions allowed only over TLS pass; set operators on missing keys are judged as IAM does', async () => {
    const { doctor } = await account();
    const tls = {
      Version: V,
      Statement: [
        ...ours().Statement.map((s) => ({
          ...s,
          Condition: { Bool: { 'aws:SecureTransport': 'true' }, 'ForAllValues:StringEquals': { 's3:x-amz-acl': 'private' } },
        })),
        {
          Sid: 'NoKmsUploads',
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 's3:x-amz-server-side-encryption': 'aws:kms' } },
        },
      ],
    };
    await setPermissions(tls);
    const check = (await doctor())['permissions'];
    expect(check?.status).toBe('pass');
    expect(check?.detail).toMatch(/All \d+ action\/resource pairs allowed, by .*S3ObjectReadAccess \(inline policy platform-s3-sqs-access\)/);
  });

  it('an operator the engine does not evaluate warns "cannot evaluate", naming the operator and the statement', async () => {
    const { doctor } = await account();
    const policy = ours();
    const timed = { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Condition: { NumericLessThan: { 'aws:EpochTime': '4102444800' } } })) };
    await setPermissions(timed);
    const check = (await doctor())['permissions'];
    expect(check?.status).toBe('warn');
    expect(check?.detail).toMatch(
      /Cannot be sure of s3:GetObject on \S+: Only S3ObjectReadAccess could allow s3:GetObject, and whether it does cannot be decided: condition operator NumericLessThan is not evaluated by the wizard/,
    );
  });

  it('attached managed policies are read, and a permissions boundary that does not allow SQS fails, naming the boundary', async () => {
    const { doctor } = await account();
    const created = await iam().send(new CreatePolicyCommand({ PolicyName: 'ingest-read', PolicyDocument: JSON.stringify(ours()) }));
    const managedArn = created.Policy?.Arn ?? '';
    await iam().send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: managedArn }));
    await iam().send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'platform-s3-sqs-access' }));
    const managed = (await doctor())['permissions'];
    expect(managed?.status).toBe('pass');
    expect(managed?.detail).toContain(`(managed policy ${managedArn})`);
    const boundary = await iam().send(
      new CreatePolicyCommand({
        PolicyName: 's3-only',
        PolicyDocument: JSON.stringify({ Version: V, Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
      }),
    );
    await iam().send(new PutRolePermissionsBoundaryCommand({ RoleName: ROLE, PermissionsBoundary: boundary.Policy?.Arn ?? '' }));
    const bounded = (await doctor())['permissions'];
    expect(bounded?.status).toBe('fail');
    expect(bounded?.detail).toContain(`permissions boundary ${boundary.Policy?.Arn ?? ''} does not allow sqs:`);
    expect(bounded?.fixStep).toBeNull();
  });

  it('says that control policies cannot be read only when the account is in an AWS Organization', async () => {
    const { doctor } = await account();
    expect((await doctor())['permissions']?.detail).not.toMatch(/AWS Organization/);
    await new OrganizationsClient({
      region: 'us-east-1',
      endpoint: motoUrl,
      credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey },
    }).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const check = (await doctor())['permissions'];
    expect(check?.status).toBe('pass');
    expect(check?.detail).toMatch(/in an AWS Organization: its service control policies and resource control policies cannot be read/);
  });

  it("a customer managed KMS key's policy is read and judged: without S3's statement it fails with the KMS step as the fix; after that step it passes", async () => {
    const { doctor, call, setup } = await account();
    const kms = new KMSClient({
      region: 'us-east-1',
      endpoint: motoUrl,
      credentials: { accessKeyId: FAKE_KEYS.accessKeyId, secretAccessKey: FAKE_KEYS.secretAccessKey },
    });
    const keyArn = (await kms.send(new CreateKeyCommand({ Description: 'queue key' }))).KeyMetadata?.Arn ?? '';
    const { sqs } = motoClients(motoUrl);
    const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: 'acme-raw-s3-events' }))).QueueUrl;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { KmsMasterKeyId: keyArn } }));
    const missing = (await doctor())['kms-key'];
    expect(missing).toMatchObject({ status: 'fail', fixStep: 'kmsKeyPolicy' });
    expect(missing?.detail).toContain('kms:GenerateDataKey: No statement allows kms:GenerateDataKey');
    const plan = (await call('steps.plan', { setup, step: 'kmsKeyPolicy' })) as { basis: string; action: string };
    expect(plan.action).toBe('update');
    await call('steps.apply', { setup, step: 'kmsKeyPolicy', basis: plan.basis });
    const fixed = (await doctor())['kms-key'];
    expect(fixed?.status).toBe('pass');
    expect(fixed?.detail).toContain(`${KMS_KEY_POLICY_SID} allows kms:GenerateDataKey`);
  });

  it('an explicit Deny in another inline policy fails, naming the statement and the policy', async () => {
    const { doctor } = await account();
    await iam().send(
      new PutRolePolicyCommand({
        RoleName: ROLE,
        PolicyName: 'security-guard',
        PolicyDocument: JSON.stringify({ Version: V, Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Action: 'sqs:DeleteMessage', Resource: '*' }] }),
      }),
    );
    const check = (await doctor())['permissions'];
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('NoDeletes (inline policy security-guard) explicitly denies sqs:DeleteMessage');
    expect(check?.fix).toContain('NoDeletes in inline policy security-guard');
  });
});
