import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { Workspace as ApiWorkspace } from '../../main/api/workspace';
import type { FieldIssue } from '../../shared/contract/api-error';
import { validateBucketName } from '../../shared/validation/bucket-name';
import { validateExternalId } from '../../shared/validation/external-id';
import { validatePrefix, validateSuffix } from '../../shared/validation/key-filter';
import { validateQueueName } from '../../shared/validation/queue-name';
import { validateRegion } from '../../shared/validation/region';
import { validateRoleArn } from '../../shared/validation/role-arn';
import { validateRoleName } from '../../shared/validation/role-name';
import { validateSetupName } from '../../shared/validation/setup-name';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, motoClients, putNotification, sampleSetup } from '../support/moto-seed';
import { captureMotoState } from '../support/moto-state';
import { resetMoto } from '../support/moto-server';
import { projectRoot } from '../support/project-root';
import { runCli, runProcess, type CliRun } from '../support/run-cli';

// Issue "Bad input": every case names where the input enters, what the admin is told and what to do, and (for the
// CLI) the exit code; a refused command must leave moto and the data directory exactly as they were.
// AccessDenied on each AWS call and a live queue policy that is not JSON (moto answers 500 to such a Policy, so it
// cannot be seeded here) are covered with stubbed clients in test/unit/errors/.

const motoUrl = inject('motoUrl');
const QUEUE = 'acme-raw-s3-events';
const QUEUE_ARN = `arn:aws:sqs:us-east-1:123456789012:${QUEUE}`;

/** Where the bad input enters the product. */
type Entry = 'setup file' | 'CLI flag' | 'live document' | 'account state' | 'AWS error';

/** A temporary folder with the setup file, a data directory and the environment of an admin using profile `moto`. */
interface Workspace {
  readonly dir: string;
  readonly file: string;
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A command the product must refuse: the exit code, a message naming the problem, a fix, and nothing written. */
interface RefusedCase {
  readonly name: string;
  readonly enters: Entry;
  /** The setup file: an object (written as JSON) or the raw text; the sample setup when absent. */
  readonly setup?: unknown;
  /** The command line; `apply --setup FILE --yes` when absent. */
  readonly args?: (ws: Workspace) => ReadonlyArray<string>;
  /** Account state before the run; a bucket acme-raw in us-east-1 when absent. */
  readonly seed?: () => Promise<void>;
  readonly env?: (ws: Workspace) => NodeJS.ProcessEnv;
  readonly exit: 1 | 2;
  readonly message: RegExp;
  readonly fix: RegExp;
}

/** An unusual live document the product must handle: the command works and keeps what is not ours. */
interface HandledCase {
  readonly name: string;
  readonly enters: Entry;
  readonly setup?: unknown;
  readonly args?: (ws: Workspace) => ReadonlyArray<string>;
  readonly seed: () => Promise<void>;
  /** Checks after a successful run (exit 0): what was kept, what was said. */
  readonly after: (run: CliRun, ws: Workspace) => Promise<void>;
}

function workspace(setup: unknown = sampleSetup()): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-bad-input-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, typeof setup === 'string' ? setup : JSON.stringify(setup));
  const dataDir = join(dir, 'data');
  return { dir, file, dataDir, env: { ...motoEnv(motoUrl), SQS_S3_WIZARD_DATA_DIR: dataDir } };
}

/** Every file under the data directory's backups/ folder (none means no backup was taken, so nothing was written). */
function backupFiles(dataDir: string): ReadonlyArray<string> {
  const root = join(dataDir, 'backups');
  return existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
}

/** What the admin saw, checked for the things an error must never show. */
function expectNoCrash(run: CliRun): void {
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toMatch(/TypeError|ReferenceError|SyntaxError: Unexpected|node_modules/);
  expect(output).not.toContain(FAKE_KEYS.secretAccessKey);
}

const apply = (ws: Workspace) => ['apply', '--setup', ws.file, '--yes'];
const defaultSeed = () => createBucket(motoUrl, 'acme-raw');
const without = (field: string) => Object.fromEntries(Object.entries(sampleSetup()).filter(([key]) => key !== field));
const REQUIRED = ['name', 'region', 'bucket', 'prefix', 'suffix', 'queueName', 'roleName', 'platformSetupRoleArn', 'platformLoadRoleArn', 'externalId'];

const SETUP_FILE_CASES: ReadonlyArray<RefusedCase> = [
  {
    name: 'not JSON',
    enters: 'setup file',
    setup: 'name = acme-raw\nregion = us-east-1\n',
    exit: 2,
    message: /setup\.json is not valid JSON/,
    fix: /fix: Fix the JSON syntax/,
  },
  { name: 'empty file', enters: 'setup file', setup: '', exit: 2, message: /setup\.json is not valid JSON/, fix: /fix: Fix the JSON syntax/ },
  {
    name: 'a list, not an object',
    enters: 'setup file',
    setup: '["acme-raw"]',
    exit: 2,
    message: /\(file\): The setup must be a JSON object/,
    fix: /\{ "name": \.\.\., "region": \.\.\./,
  },
  { name: 'null', enters: 'setup file', setup: 'null', exit: 2, message: /\(file\): The setup must be a JSON object/, fix: /fix: Correct the named fields/ },
  ...REQUIRED.map((field): RefusedCase => ({
    name: `missing ${field}`,
    enters: 'setup file',
    setup: without(field),
    exit: 2,
    message: new RegExp(`- ${field}: Missing field "${field}"`),
    fix: /the setup file must set it/,
  })),
  {
    name: 'unknown key',
    enters: 'setup file',
    setup: sampleSetup({ colour: 'blue' }),
    exit: 2,
    message: /- colour: Unknown key "colour"/,
    fix: /Remove it or check its spelling/,
  },
  {
    name: 'misspelt key (queuename)',
    enters: 'setup file',
    setup: { ...without('queueName'), queuename: QUEUE },
    exit: 2,
    message: /- queueName: Missing field "queueName"[\s\S]*- queuename: Unknown key "queuename"/,
    fix: /check its spelling/,
  },
  {
    name: 'bucket in upper case',
    enters: 'setup file',
    setup: sampleSetup({ bucket: 'Acme-Raw' }),
    exit: 2,
    message: /- bucket: Bucket name must be lowercase/,
    fix: /use the name exactly as S3 shows it/,
  },
  {
    name: 'bucket too short',
    enters: 'setup file',
    setup: sampleSetup({ bucket: 'ab' }),
    exit: 2,
    message: /- bucket: Bucket name must be 3 to 63 characters long .*this one has 2/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'bucket like an IP address',
    enters: 'setup file',
    setup: sampleSetup({ bucket: '192.168.10.20' }),
    exit: 2,
    message: /- bucket: Bucket name must not be formatted as an IP address/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'bucket with the xn-- prefix',
    enters: 'setup file',
    setup: sampleSetup({ bucket: 'xn--acme-raw' }),
    exit: 2,
    message: /- bucket: Bucket name must not start with "xn--"/,
    fix: /S3 reserves that prefix/,
  },
  {
    name: 'bucket as an s3:// URL',
    enters: 'setup file',
    setup: sampleSetup({ bucket: 's3://acme-raw/incoming' }),
    exit: 2,
    message: /- bucket: Bucket name must be the bare name/,
    fix: /enter just the bucket name/,
  },
  {
    name: 'queue name ending in .fifo',
    enters: 'setup file',
    setup: sampleSetup({ queueName: 'acme-raw-events.fifo' }),
    exit: 2,
    message: /- queueName: Queue name ends with "\.fifo": FIFO queues cannot receive S3 event notifications/,
    fix: /Use a standard queue/,
  },
  {
    name: 'queue name too long',
    enters: 'setup file',
    setup: sampleSetup({ queueName: 'q'.repeat(81) }),
    exit: 2,
    message: /- queueName: Queue name must be at most 80 characters .*this one has 81/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'queue name with a space',
    enters: 'setup file',
    setup: sampleSetup({ queueName: 'acme raw events' }),
    exit: 2,
    message: /- queueName: Queue name may contain only letters, digits/,
    fix: /remove " "/,
  },
  {
    name: 'queue URL instead of its name',
    enters: 'setup file',
    setup: sampleSetup({ queueName: `https://sqs.us-east-1.amazonaws.com/123456789012/${QUEUE}` }),
    exit: 2,
    message: /- queueName: Queue name must be the bare name, not the queue URL/,
    fix: /enter only the last part/,
  },
  {
    name: 'role name with a bad character',
    enters: 'setup file',
    setup: sampleSetup({ roleName: 'platform#consumer' }),
    exit: 2,
    message: /- roleName: Role name may contain only letters, digits/,
    fix: /remove "#"/,
  },
  {
    name: 'role name with a path',
    enters: 'setup file',
    setup: sampleSetup({ roleName: 'service-role/platform-consumer' }),
    exit: 2,
    message: /- roleName: Role name must be the bare name/,
    fix: /enter only the part after the last "\/"/,
  },
  {
    name: 'role name too long',
    enters: 'setup file',
    setup: sampleSetup({ roleName: 'r'.repeat(65) }),
    exit: 2,
    message: /- roleName: Role name must be at most 64 characters .*this one has 65/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'role ARN in another partition than the Region',
    enters: 'setup file',
    setup: sampleSetup({ platformSetupRoleArn: 'arn:aws-cn:iam::111122223333:role/platform-setup' }),
    exit: 2,
    message: /- platformSetupRoleArn: Role ARN is in partition "aws-cn" but Region us-east-1 is in "aws"/,
    fix: /roles cannot be assumed across partitions/,
  },
  {
    name: 'role ARN in an unsupported partition',
    enters: 'setup file',
    setup: sampleSetup({ platformLoadRoleArn: 'arn:aws-iso:iam::111122223333:role/platform-load' }),
    exit: 2,
    message: /- platformLoadRoleArn: Role ARN partition "aws-iso" is not supported/,
    fix: /use aws, aws-cn or aws-us-gov/,
  },
  {
    name: 'role ARN of a user',
    enters: 'setup file',
    setup: sampleSetup({ platformLoadRoleArn: 'arn:aws:iam::111122223333:user/platform-load' }),
    exit: 2,
    message: /- platformLoadRoleArn: Role ARN must name a role \("role\/NAME"\), not "user"/,
    fix: /e\.g\. arn:aws:iam::111122223333:role\/NAME/,
  },
  {
    name: 'role ARN that is garbage',
    enters: 'setup file',
    setup: sampleSetup({ platformSetupRoleArn: 'platform-setup' }),
    exit: 2,
    message: /- platformSetupRoleArn: "platform-setup" is not an ARN/,
    fix: /a role ARN looks like arn:aws:iam::111122223333:role\/NAME/,
  },
  {
    name: 'assumed-role session ARN',
    enters: 'setup file',
    setup: sampleSetup({ platformSetupRoleArn: 'arn:aws:sts::111122223333:assumed-role/platform-setup/session-1' }),
    exit: 2,
    message: /- platformSetupRoleArn: This is an assumed-role session ARN, not a role ARN/,
    fix: /use arn:aws:iam::111122223333:role\/NAME/,
  },
  {
    name: 'role ARN with an 11-digit account',
    enters: 'setup file',
    setup: sampleSetup({ platformLoadRoleArn: 'arn:aws:iam::11112222333:role/platform-load' }),
    exit: 2,
    message: /- platformLoadRoleArn: Role ARN account "11112222333" must be exactly 12 digits/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'external ID too short',
    enters: 'setup file',
    setup: sampleSetup({ externalId: 'x' }),
    exit: 2,
    message: /- externalId: External ID must be 2 to 1,224 characters .*this one has 1/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'external ID with a space',
    enters: 'setup file',
    setup: sampleSetup({ externalId: 'org 42' }),
    exit: 2,
    message: /- externalId: External ID may contain only letters, digits .*it contains a space/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'external ID empty',
    enters: 'setup file',
    setup: sampleSetup({ externalId: '' }),
    exit: 2,
    message: /- externalId: External ID is required/,
    fix: /paste the organization ID shown in the platform console/,
  },
  {
    name: 'Region in upper case',
    enters: 'setup file',
    setup: sampleSetup({ region: 'US-EAST-1' }),
    exit: 2,
    message: /- region: Region code must be lowercase/,
    fix: /e\.g\. "us-east-1"/,
  },
  {
    name: 'Availability Zone for a Region',
    enters: 'setup file',
    setup: sampleSetup({ region: 'us-east-1a' }),
    exit: 2,
    message: /- region: "us-east-1a" is an Availability Zone/,
    fix: /use its Region, "us-east-1"/,
  },
  {
    name: 'not a Region',
    enters: 'setup file',
    setup: sampleSetup({ region: 'Frankfurt' }),
    exit: 2,
    message: /- region: "Frankfurt" is not a Region code/,
    fix: /use the form "us-east-1"/,
  },
  {
    name: 'Region of an isolated partition',
    enters: 'setup file',
    setup: sampleSetup({ region: 'us-iso-east-1' }),
    exit: 2,
    message: /- region: Region "us-iso-east-1" is in an isolated partition/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'prefix over 1,024 characters',
    enters: 'setup file',
    setup: sampleSetup({ prefix: 'p'.repeat(1025) }),
    exit: 2,
    message: /- prefix: Object key prefix must be at most 1,024 characters .*this one has 1025/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'suffix over 1,024 characters',
    enters: 'setup file',
    setup: sampleSetup({ suffix: 's'.repeat(1025) }),
    exit: 2,
    message: /- suffix: Object key suffix must be at most 1,024 characters/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'objectReadScope "all"',
    enters: 'setup file',
    setup: sampleSetup({ objectReadScope: 'all' }),
    exit: 2,
    message: /- objectReadScope: Field "objectReadScope" must be "bucket"/,
    fix: /or "prefix" \(read only keys under the prefix\)/,
  },
  {
    name: 'allowDeleteObject "yes"',
    enters: 'setup file',
    setup: sampleSetup({ allowDeleteObject: 'yes' }),
    exit: 2,
    message: /- allowDeleteObject: Field "allowDeleteObject" must be true or false/,
    fix: /true lets the platform delete source files/,
  },
  {
    name: 'name as a number',
    enters: 'setup file',
    setup: sampleSetup({ name: 42 }),
    exit: 2,
    message: /- name: Field "name" must be a string/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'setup name with a space',
    enters: 'setup file',
    setup: sampleSetup({ name: 'acme raw' }),
    exit: 2,
    message: /- name: Setup name may contain only letters, digits, .*it contains a space/,
    fix: /it names a folder/,
  },
  {
    name: 'setup name reserved on Windows',
    enters: 'setup file',
    setup: sampleSetup({ name: 'con' }),
    exit: 2,
    message: /- name: Setup name "con" is a reserved device name on Windows/,
    fix: /choose another/,
  },
  {
    name: 'several problems at once, each named (plan)',
    enters: 'setup file',
    setup: sampleSetup({ bucket: 'AB', queueName: 'x.fifo', externalId: 'x', colour: 'blue' }),
    args: (ws) => ['plan', '--setup', ws.file],
    exit: 2,
    message: /not valid \(4 problem\(s\)\); nothing was written\.[\s\S]*- bucket:[\s\S]*- queueName:[\s\S]*- externalId:[\s\S]*- colour:/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'bad setup file given to doctor',
    enters: 'setup file',
    setup: sampleSetup({ region: 'eu-west' }),
    args: (ws) => ['doctor', '--setup', ws.file],
    exit: 2,
    message: /- region: "eu-west" is not a Region code/,
    fix: /use the form "us-east-1"/,
  },
  {
    name: 'bad setup file given to export',
    enters: 'setup file',
    setup: sampleSetup({ queueName: '' }),
    args: (ws) => ['export', '--setup', ws.file, '--out', join(ws.dir, 'out'), '--account-id', '123456789012'],
    exit: 2,
    message: /- queueName: Queue name is required/,
    fix: /enter the name of an SQS standard queue/,
  },
];

/** The sso-session "corp" of profile sso-dev, with a cached token that expired an hour ago (as the AWS CLI leaves it). */
function expiredSsoToken(ws: Workspace): NodeJS.ProcessEnv {
  const cache = join(ws.env.HOME ?? ws.dir, '.aws', 'sso', 'cache');
  mkdirSync(cache, { recursive: true });
  const name = createHash('sha1').update('corp').digest('hex');
  writeFileSync(
    join(cache, `${name}.json`),
    JSON.stringify({
      startUrl: 'https://example.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'expired-token',
      expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  );
  return ws.env;
}

const CLI_FLAG_CASES: ReadonlyArray<RefusedCase> = [
  {
    name: 'unknown flag',
    enters: 'CLI flag',
    args: (ws) => ['apply', '--setup', ws.file, '--yes', '--force'],
    exit: 2,
    message: /Unknown option '--force'/,
    fix: /fix: Use one of the commands and options below/,
  },
  { name: 'unknown command', enters: 'CLI flag', args: () => ['deploy'], exit: 2, message: /unknown command "deploy"/, fix: /fix: Use one of the commands/ },
  { name: 'no command', enters: 'CLI flag', args: () => [], exit: 2, message: /no command given/, fix: /sqs-s3-wizard --help/ },
  {
    name: 'missing --setup',
    enters: 'CLI flag',
    args: () => ['apply', '--yes'],
    exit: 2,
    message: /Missing --setup FILE/,
    fix: /fix: Pass the setup file: --setup my-setup\.json/,
  },
  {
    name: '--setup naming a missing file',
    enters: 'CLI flag',
    args: (ws) => ['plan', '--setup', join(ws.dir, 'nope.json')],
    exit: 2,
    message: /Cannot read setup file .*nope\.json: no such file/,
    fix: /fix: Check the path/,
  },
  {
    name: '--setup naming a folder',
    enters: 'CLI flag',
    args: (ws) => ['plan', '--setup', ws.dir],
    exit: 2,
    message: /Cannot read setup file .*: it is a folder, not a file/,
    fix: /fix: Check the path/,
  },
  {
    name: '--test-timeout above 900',
    enters: 'CLI flag',
    args: (ws) => [...apply(ws), '--test-timeout', '9999'],
    exit: 2,
    message: /--test-timeout: expected whole seconds from 5 to 900, got "9999"/,
    fix: /fix: e\.g\. --test-timeout 300/,
  },
  {
    name: '--test-timeout not a number',
    enters: 'CLI flag',
    args: (ws) => ['doctor', '--setup', ws.file, '--live', '--test-timeout', 'two-minutes'],
    exit: 2,
    message: /--test-timeout: expected whole seconds .*got "two-minutes"/,
    fix: /--test-timeout 300/,
  },
  {
    name: '--test-timeout below 5',
    enters: 'CLI flag',
    args: (ws) => [...apply(ws), '--test-timeout', '1'],
    exit: 2,
    message: /--test-timeout: .*got "1"/,
    fix: /--test-timeout 300/,
  },
  {
    name: '--region that is not a Region code',
    enters: 'CLI flag',
    args: () => ['whoami', '--region', 'EU'],
    exit: 2,
    message: /region: a Region code such as us-east-1/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: '--profile that does not exist',
    enters: 'CLI flag',
    args: (ws) => ['plan', '--setup', ws.file, '--profile', 'nope'],
    exit: 2,
    message: /Profile nope was not found/,
    fix: /fix: Check ~\/\.aws\/config/,
  },
  {
    name: '--mfa-code that is not 6 digits',
    enters: 'CLI flag',
    args: () => ['whoami', '--profile', 'ops-mfa', '--mfa-code', '12ab'],
    exit: 2,
    message: /--mfa-code: the 6-digit code from your MFA device/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'MFA profile without --mfa-code',
    enters: 'CLI flag',
    args: () => ['whoami', '--profile', 'ops-mfa'],
    exit: 2,
    message: /Profile ops-mfa needs a code from MFA device arn:aws:iam::123456789012:mfa\/admin/,
    fix: /--mfa-code CODE/,
  },
  {
    name: 'apply without --yes off a terminal',
    enters: 'CLI flag',
    args: (ws) => ['apply', '--setup', ws.file],
    exit: 2,
    message: /Not on a terminal: pass --yes to apply\. Nothing was written\./,
    fix: /then run apply with --yes/,
  },
  {
    name: 'restore without --backup',
    enters: 'CLI flag',
    args: () => ['restore', '--yes'],
    exit: 2,
    message: /Missing --backup FILE/,
    fix: /fix: Pass a backup file written by apply/,
  },
  {
    name: 'restore of a missing backup file',
    enters: 'CLI flag',
    args: (ws) => ['restore', '--backup', join(ws.dir, 'gone.json'), '--yes'],
    exit: 2,
    message: /Backup file .*gone\.json does not exist/,
    fix: /fix: Check the path: pass a backup file written by apply/,
  },
  {
    name: 'restore of a setup file (not a backup)',
    enters: 'CLI flag',
    args: (ws) => ['restore', '--backup', ws.file, '--yes'],
    exit: 2,
    message: /setup\.json is not a usable backup/,
    fix: /fix: Choose another backup/,
  },
  {
    name: 'export without --out',
    enters: 'CLI flag',
    args: (ws) => ['export', '--setup', ws.file, '--account-id', '123456789012'],
    exit: 2,
    message: /Missing --out DIR/,
    fix: /fix: Pass a new or empty folder/,
  },
  {
    name: 'export into a folder that is not empty',
    enters: 'CLI flag',
    args: (ws) => ['export', '--setup', ws.file, '--out', ws.dir, '--account-id', '123456789012'],
    exit: 2,
    message: /--out .* is not empty/,
    fix: /fix: Pass a new or empty folder/,
  },
  {
    name: 'export --account-id that is not 12 digits',
    enters: 'CLI flag',
    args: (ws) => ['export', '--setup', ws.file, '--out', join(ws.dir, 'out'), '--account-id', '1234'],
    exit: 2,
    message: /--account-id: a 12-digit AWS account ID/,
    fix: /fix: Correct the named fields/,
  },
  {
    name: 'doctor --report under a file',
    enters: 'CLI flag',
    args: (ws) => ['doctor', '--setup', ws.file, '--report', join(ws.file, 'report')],
    exit: 2,
    message: /--report .*setup\.json\/report: cannot create that folder \(part of the path is a file\)/,
    fix: /fix: Pass a folder you can write to/,
  },
];

const ACCOUNT_CASES: ReadonlyArray<RefusedCase> = [
  {
    name: 'missing bucket',
    enters: 'account state',
    seed: async () => undefined,
    exit: 1,
    message: /Bucket acme-raw does not exist \(NoSuchBucket\)/,
    fix: /fix: Check the bucket name in the setup/,
  },
  {
    name: 'bucket in another Region',
    enters: 'account state',
    seed: () => createBucket(motoUrl, 'acme-raw', 'eu-west-1'),
    exit: 1,
    message: /Bucket acme-raw is in eu-west-1, but the setup's Region is us-east-1/,
    fix: /fix: Set the setup's Region to eu-west-1/,
  },
  {
    name: 'an existing FIFO queue named in the setup',
    enters: 'account state',
    setup: sampleSetup({ queueName: 'acme-raw-events.fifo' }),
    seed: async () => {
      await defaultSeed();
      await motoClients(motoUrl).sqs.send(new CreateQueueCommand({ QueueName: 'acme-raw-events.fifo', Attributes: { FifoQueue: 'true' } }));
    },
    exit: 2,
    message: /- queueName: Queue name ends with "\.fifo": FIFO queues cannot receive S3 event notifications/,
    fix: /Use a standard queue/,
  },
  {
    name: 'queue encrypted with the AWS managed key alias/aws/sqs',
    enters: 'account state',
    seed: async () => {
      await defaultSeed();
      await motoClients(motoUrl).sqs.send(new CreateQueueCommand({ QueueName: QUEUE, Attributes: { KmsMasterKeyId: 'alias/aws/sqs' } }));
    },
    exit: 1,
    message: /Queue acme-raw-s3-events is encrypted with the AWS managed key alias\/aws\/sqs/,
    fix: /fix: Switch the queue to SSE-SQS/,
  },
  {
    name: 'an overlapping notification rule of another team',
    enters: 'account state',
    seed: async () => {
      await defaultSeed();
      const other = await createQueueWithPolicy(motoUrl, 'legacy');
      await putNotification(motoUrl, 'acme-raw', {
        QueueConfigurations: [
          { Id: 'legacy-csv', QueueArn: other.arn, Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.csv' }] } } },
        ],
      });
    },
    exit: 1,
    message: /overlaps an existing configuration[\s\S]*QueueConfiguration "legacy-csv"/,
    fix: /fix: Narrow our prefix or suffix so no object key matches both rules/,
  },
  {
    name: 'a queue policy already at 20 statements',
    enters: 'account state',
    seed: async () => {
      await defaultSeed();
      const statements = Array.from({ length: 20 }, (_, i) => ({
        Sid: `Team${i}`,
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:root' },
        Action: 'sqs:ReceiveMessage',
        Resource: QUEUE_ARN,
      }));
      await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: statements });
    },
    exit: 1,
    message: /The merged queue policy would have 21 statements; SQS allows at most 20/,
    fix: /fix: Remove statements that are no longer needed/,
  },
];

const LIVE_REFUSED_CASES: ReadonlyArray<RefusedCase> = [
  {
    name: 'queue policy whose Statement is a string',
    enters: 'live document',
    seed: async () => {
      await defaultSeed();
      await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: 'Allow everything' });
    },
    exit: 1,
    message: /The current queue policy has a "Statement" that is neither an object nor a list/,
    fix: /fix: Correct the queue policy in the AWS console, then plan again/,
  },
  {
    name: 'queue policy whose Statement is a string (plan)',
    enters: 'live document',
    args: (ws) => ['plan', '--setup', ws.file],
    seed: async () => {
      await defaultSeed();
      await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: 'Allow everything' });
    },
    exit: 1,
    message: /Queue policy: BLOCKED[\s\S]*"Statement" that is neither an object nor a list/,
    fix: /fix: Correct the queue policy in the AWS console/,
  },
];

const AWS_ERROR_CASES: ReadonlyArray<RefusedCase> = [
  {
    name: 'expired SSO token',
    enters: 'AWS error',
    args: (ws) => ['plan', '--setup', ws.file, '--profile', 'sso-dev'],
    env: expiredSsoToken,
    exit: 1,
    message: /The SSO session of profile sso-dev is missing or expired/,
    fix: /fix: Sign in with the AWS CLI[\s\S]*run: aws sso login --profile sso-dev/,
  },
  {
    name: 'endpoint that is not listening',
    enters: 'AWS error',
    args: (ws) => ['plan', '--setup', ws.file],
    env: (ws) => ({ ...ws.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }),
    exit: 1,
    message: /Could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    fix: /fix: Check that the server at http:\/\/127\.0\.0\.1:9 is running/,
  },
];

const REFUSED: ReadonlyArray<RefusedCase> = [...SETUP_FILE_CASES, ...CLI_FLAG_CASES, ...ACCOUNT_CASES, ...LIVE_REFUSED_CASES, ...AWS_ERROR_CASES];

async function queuePolicyOf(name: string): Promise<{ Statement: unknown }> {
  const { sqs } = motoClients(motoUrl);
  const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  return JSON.parse((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes?.Policy ?? '{}');
}

const iamClient = () => new IAMClient({ region: 'us-east-1', endpoint: motoUrl, credentials: { ...FAKE_KEYS } });
const sids = (policy: { Statement: unknown }) => (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]).map((s: { Sid?: string }) => s.Sid);
const skipTest = (ws: Workspace) => [...apply(ws), '--skip-test'];

async function seedQueuePolicy(statement: object): Promise<void> {
  await defaultSeed();
  await createQueueWithPolicy(motoUrl, QUEUE, { Version: '2012-10-17', Statement: statement });
}

const HANDLED: ReadonlyArray<HandledCase> = [
  {
    name: 'queue policy with Statement as one object: kept, ours added',
    enters: 'live document',
    seed: () =>
      seedQueuePolicy({
        Sid: 'AuditRead',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:root' },
        Action: 'sqs:ReceiveMessage',
        Resource: QUEUE_ARN,
      }),
    after: async () => expect(sids(await queuePolicyOf(QUEUE))).toEqual(['AuditRead', 'AllowS3ToSendMessage']),
  },
  {
    name: 'queue policy with a Principal "*" statement: kept',
    enters: 'live document',
    seed: () => seedQueuePolicy([{ Sid: 'AnyoneMayReadAttributes', Effect: 'Allow', Principal: '*', Action: 'sqs:GetQueueAttributes', Resource: QUEUE_ARN }]),
    after: async () => {
      const policy = await queuePolicyOf(QUEUE);
      expect(sids(policy)).toEqual(['AnyoneMayReadAttributes', 'AllowS3ToSendMessage']);
      expect(JSON.stringify(policy)).toContain('"Principal":"*"');
    },
  },
  {
    name: 'queue policy with a NotAction statement: kept',
    enters: 'live document',
    seed: () =>
      seedQueuePolicy([
        { Sid: 'AllButDelete', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, NotAction: 'sqs:DeleteQueue', Resource: QUEUE_ARN },
      ]),
    after: async () => {
      const policy = await queuePolicyOf(QUEUE);
      expect(sids(policy)).toEqual(['AllButDelete', 'AllowS3ToSendMessage']);
      expect(JSON.stringify(policy)).toContain('"NotAction":"sqs:DeleteQueue"');
    },
  },
  {
    name: 'queue policy with a Deny for S3: kept, the plan warns, doctor fails naming the Deny',
    enters: 'live document',
    seed: () =>
      seedQueuePolicy([{ Sid: 'DenyS3', Effect: 'Deny', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE_ARN }]),
    after: async (run, ws) => {
      expect(run.stderr).toMatch(/warning: Even after this change S3 may not send from arn:aws:s3:::acme-raw: DenyS3 explicitly denies sqs:SendMessage/);
      expect(run.stderr).toMatch(/remove or narrow DenyS3 in the queue policy yourself/);
      expect(sids(await queuePolicyOf(QUEUE))).toEqual(['DenyS3', 'AllowS3ToSendMessage']);
      const doctor = await runCli(['doctor', '--setup', ws.file], ws.env);
      expectNoCrash(doctor);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/\[FAIL\] Queue policy lets S3 send from this bucket\n.*DenyS3 .*explicitly denies sqs:SendMessage/);
      expect(doctor.stdout).toMatch(/fix: Remove or narrow statement DenyS3 in the queue policy/);
    },
  },
  {
    name: 'role trust policy returned URL-encoded with Statement as one object: kept, ours added',
    enters: 'live document',
    seed: async () => {
      await defaultSeed();
      const iam = iamClient();
      const trust = {
        Version: '2012-10-17',
        Statement: { Sid: 'Ec2MayAssume', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      };
      await iam.send(new CreateRoleCommand({ RoleName: 'platform-s3-sqs-consumer-role', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    },
    after: async () => {
      const raw = (await iamClient().send(new GetRoleCommand({ RoleName: 'platform-s3-sqs-consumer-role' }))).Role?.AssumeRolePolicyDocument ?? '';
      expect(raw).toMatch(/^%7B/);
      const trust = JSON.parse(decodeURIComponent(raw)) as { Statement: unknown };
      expect(sids(trust)).toEqual(['Ec2MayAssume', 'AllowPlatformSetupAssumeRole', 'AllowPlatformLoadAssumeRole']);
    },
  },
  {
    name: 'an empty notification document put by other tooling',
    enters: 'live document',
    seed: async () => {
      await defaultSeed();
      await putNotification(motoUrl, 'acme-raw', {});
    },
    after: async () => {
      const bucket = (await captureMotoState(motoUrl)).buckets['acme-raw'];
      expect(bucket?.notification).toMatchObject({ QueueConfigurations: [{ Id: QUEUE, QueueArn: QUEUE_ARN }] });
    },
  },
  {
    name: 'setup file saved with a byte order mark',
    enters: 'setup file',
    setup: `\uFEFF${JSON.stringify(sampleSetup())}`,
    args: (ws) => ['plan', '--setup', ws.file],
    seed: defaultSeed,
    after: async (run) => expect(run.stdout).toMatch(/== SQS queue: will create/),
  },
];

describe('bad input catalogue: refused with a clear message and a fix, nothing written', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it.each(REFUSED.map((c) => [`${c.enters}: ${c.name}`, c] as const))('%s', async (_title, c) => {
    await (c.seed ?? defaultSeed)();
    const ws = workspace(c.setup);
    const before = await captureMotoState(motoUrl);
    const run = await runCli((c.args ?? apply)(ws), c.env ? c.env(ws) : ws.env);
    const output = `${run.stdout}\n${run.stderr}`;
    expectNoCrash(run);
    expect(run.code, output).toBe(c.exit);
    expect(output).toMatch(c.message);
    expect(output).toMatch(/^\s*fix: \S/m);
    expect(output).toMatch(c.fix);
    expect(await captureMotoState(motoUrl)).toEqual(before);
    expect(backupFiles(ws.dataDir)).toEqual([]);
  });
});

describe('unusual live documents: handled, and what is not ours is kept', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it.each(HANDLED.map((c) => [`${c.enters}: ${c.name}`, c] as const))('%s', async (_title, c) => {
    await c.seed();
    const ws = workspace(c.setup);
    const run = await runCli((c.args ?? skipTest)(ws), ws.env);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    await c.after(run, ws);
  });
});

/** Runs the browser front end's entry (dist/main/web.cjs) and waits for it to exit. */
function runWeb(args: ReadonlyArray<string>): Promise<CliRun> {
  return runProcess(process.execPath, [join(projectRoot(), 'dist', 'main', 'web.cjs'), ...args], process.env);
}

describe('web --port', () => {
  it.each([
    ['out of range', ['--port', '70000'], /--port: expected a port number 0-65535, got "70000"/],
    ['not a number', ['--port=http'], /--port: expected a port number 0-65535, got "http"/],
    ['missing its value', ['--port'], /--port: expected a port number 0-65535, got ""/],
  ])('%s: exit 2 with the rule and a fix', async (_name, args, message) => {
    const run = await runWeb(args);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^fix: Pass a free port, e\.g\. --port 8080/m);
  });

  it('a port in use: exit 1 naming the port, with a fix', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await runWeb(['--port', String(port)]);
      expectNoCrash(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Could not listen on 127.0.0.1:${port}: EADDRINUSE`);
      expect(run.stderr).toMatch(/^fix: Choose another --port/m);
    } finally {
      busy.close();
    }
  });
});

/** A UI field validator case: what the admin typed, and the message shown under the field. */
interface FieldCase {
  readonly name: string;
  readonly issue: FieldIssue | null;
  readonly field: string;
  /** Must name the field in words (e.g. "Bucket name") and the broken rule. */
  readonly message: RegExp;
  /** What to do, as the message says it. */
  readonly fix: RegExp;
}

const FIELD_CASES: ReadonlyArray<FieldCase> = [
  { name: 'bucket left empty', issue: validateBucketName(''), field: 'bucket', message: /^Bucket name is required/, fix: /enter the name of the S3 bucket/ },
  {
    name: 'bucket pasted as an ARN',
    issue: validateBucketName('arn:aws:s3:::acme-raw'),
    field: 'bucket',
    message: /^Bucket name must be the bare name/,
    fix: /enter just the bucket name/,
  },
  {
    name: 'bucket with an underscore',
    issue: validateBucketName('acme_raw'),
    field: 'bucket',
    message: /^Bucket name may contain only lowercase letters/,
    fix: /remove "_"/,
  },
  {
    name: 'bucket ending in -s3alias',
    issue: validateBucketName('acme-raw-s3alias'),
    field: 'bucket',
    message: /^Bucket name must not end with "-s3alias"/,
    fix: /reserves that suffix/,
  },
  { name: 'queue name with a dot', issue: validateQueueName('acme.events'), field: 'queueName', message: /^Queue name may contain only/, fix: /remove "\."/ },
  {
    name: 'queue ARN pasted',
    issue: validateQueueName(QUEUE_ARN),
    field: 'queueName',
    message: /^Queue name must be the bare name/,
    fix: /enter only the last part/,
  },
  {
    name: 'role name pasted as an ARN',
    issue: validateRoleName('arn:aws:iam::123456789012:role/x'),
    field: 'roleName',
    message: /^Role name must be the bare name/,
    fix: /enter only the part after the last "\/"/,
  },
  {
    name: 'platform role ARN with a region',
    issue: validateRoleArn('arn:aws:iam:us-east-1:111122223333:role/x', 'platformSetupRoleArn'),
    field: 'platformSetupRoleArn',
    message: /^Role ARN must have an empty region field/,
    fix: /"\.\.\.:iam::ACCOUNT:role\/NAME"/,
  },
  {
    name: 'platform role ARN of another service',
    issue: validateRoleArn('arn:aws:s3:::acme-raw', 'platformLoadRoleArn'),
    field: 'platformLoadRoleArn',
    message: /^Role ARN must be an IAM ARN/,
    fix: /"arn:aws:iam::\.\.\."/,
  },
  {
    name: 'external ID with a quote',
    issue: validateExternalId('org"42'),
    field: 'externalId',
    message: /^External ID may contain only/,
    fix: /it contains """/,
  },
  {
    name: 'external ID over 1,224 characters',
    issue: validateExternalId('e'.repeat(1225)),
    field: 'externalId',
    message: /^External ID must be 2 to 1,224 characters/,
    fix: /this one has 1225/,
  },
  { name: 'Region left empty', issue: validateRegion(''), field: 'region', message: /^Region is required/, fix: /e\.g\. "us-east-1"/ },
  {
    name: 'prefix over the filter limit',
    issue: validatePrefix('p'.repeat(1100)),
    field: 'prefix',
    message: /^Object key prefix must be at most 1,024 characters/,
    fix: /this one has 1100/,
  },
  {
    name: 'suffix over the filter limit',
    issue: validateSuffix('s'.repeat(1025)),
    field: 'suffix',
    message: /^Object key suffix must be at most 1,024 characters/,
    fix: /this one has 1025/,
  },
  {
    name: 'setup name starting with a dot',
    issue: validateSetupName('.acme'),
    field: 'name',
    message: /^Setup name must not start with "\."/,
    fix: /hidden folder/,
  },
];

describe('UI field validators: the message names the field and what to do', () => {
  it.each(FIELD_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.issue).not.toBeNull();
    expect(c.issue?.field).toBe(c.field);
    expect(c.issue?.message).toMatch(c.message);
    expect(c.issue?.message).toMatch(c.fix);
  });
});

describe('API input the GUI sends: BAD_INPUT naming the field, before any AWS call', () => {
  const dispatch = createDispatcher({ handlers, workspace: new ApiWorkspace({ ...motoEnv(motoUrl) }), frontEnd: 'web', emit: () => undefined });

  it.each([
    [
      'steps.plan with a FIFO queue name',
      { channel: 'steps.plan', input: { setup: sampleSetup({ queueName: 'x.fifo' }), step: 'queue' } },
      /setup\.queueName/,
      /FIFO queues cannot receive S3 event notifications/,
    ],
    [
      'steps.plan with an unknown step',
      { channel: 'steps.plan', input: { setup: sampleSetup(), step: 'everything' } },
      /step/,
      /Invalid input for steps\.plan/,
    ],
    [
      'session.connect with a Region name',
      { channel: 'session.connect', input: { profile: 'moto', region: 'Ireland' } },
      /^region$/,
      /a Region code such as us-east-1/,
    ],
    ['an unknown channel', { channel: 'steps.deleteEverything', input: {} }, null, /Unknown API channel "steps\.deleteEverything"/],
  ] as const)('%s', async (_name, request, field, message) => {
    const result = await dispatch(request);
    expect(result.ok).toBe(false);
    const error = result.ok ? null : result.error;
    expect(error?.code).toBe(field === null ? 'UNKNOWN_CHANNEL' : 'BAD_INPUT');
    expect(error?.message).toMatch(message);
    expect(error?.fix).toBeTruthy();
    if (field !== null) expect(error?.issues?.some((i) => field.test(i.field))).toBe(true);
    expect(error?.message).not.toMatch(/(\w+): \1:/);
  });
});
