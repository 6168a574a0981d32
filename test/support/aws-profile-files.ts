import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fake static keys for tests: recognisable, so a leak test can search every output for them. */
export const FAKE_KEYS = {
  accessKeyId: 'AKIAFAKETESTKEY12345',
  secretAccessKey: 'fakeSecretForTests/DoNotLeak+0123456789abcd',
} as const;

/** Writes a temporary ~/.aws/config and credentials pair; returns the env that points the SDK at them. */
export function writeProfileFiles(config: string, credentials: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'sqs-s3-wizard-aws-'));
  writeFileSync(join(dir, 'config'), config, { mode: 0o600 });
  writeFileSync(join(dir, 'credentials'), credentials, { mode: 0o600 });
  return { dir, env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') } };
}

/** An environment for talking to moto as profile `moto` (static keys) with every endpoint pointed at it. */
export function motoEnv(motoUrl: string, region = 'us-east-1'): NodeJS.ProcessEnv {
  const files = writeProfileFiles(
    `[profile moto]\nregion = ${region}\n\n[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n\n[profile ops-mfa]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = moto\nmfa_serial = arn:aws:iam::123456789012:mfa/admin\n`,
    `[moto]\naws_access_key_id = ${FAKE_KEYS.accessKeyId}\naws_secret_access_key = ${FAKE_KEYS.secretAccessKey}\n`,
  );
  return {
    PATH: process.env.PATH,
    HOME: files.dir,
    ...files.env,
    AWS_PROFILE: 'moto',
    AWS_REGION: region,
    AWS_ENDPOINT_URL: motoUrl,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
