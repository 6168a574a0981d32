import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../shared/contract/api-error';
import { toApiError } from '../../../main/aws/aws-errors';
import { resolveCredentials } from '../../../main/aws/credentials';

// Profile names without "sso" in them, so a message can only mean SSO when it says so (not by echoing the name).
const CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Admin
region = eu-west-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = eu-west-1
`;

let home = '';
let env: NodeJS.ProcessEnv = {};

/** The AWS CLI's token cache file for an sso-session: ~/.aws/sso/cache/<sha1 of the session name>.json (@aws-sdk/token-providers). */
function writeTokenCache(expiresAt: string, extra: Record<string, string> = {}): void {
  const dir = join(home, '.aws', 'sso', 'cache');
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha1').update('corp').digest('hex');
  const token = { startUrl: 'https://example.awsapps.com/start', region: 'eu-west-1', accessToken: 'fake-sso-access-token', expiresAt, ...extra };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(token));
}

/** What connecting with the profile would show: resolveCredentials' failure as the error value (connect-session does the same). */
async function connectError(profile: string) {
  try {
    await resolveCredentials({ profile, region: 'eu-west-1', env });
  } catch (err) {
    return err instanceof ApiFailure ? err.error : toApiError(err, { profile, endpoint: null });
  }
  throw new Error('expected the credentials to fail');
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'sqs-s3-wizard-home-'));
  writeFileSync(join(home, 'config'), CONFIG);
  writeFileSync(join(home, 'credentials'), '');
  env = { AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') };
  // The SDK finds the token cache under HOME (getHomeDir); the config files come only from the request's env.
  vi.stubEnv('HOME', home);
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

describe('an SSO profile whose cached token has expired', () => {
  it('is SSO_LOGIN_REQUIRED with the exact aws sso login command, without network calls', async () => {
    // No refresh token in the cache (as after a login whose refresh window passed): the SDK cannot refresh, so it stops.
    writeTokenCache(new Date(Date.now() - 60 * 60 * 1000).toISOString());
    const error = await connectError('dev');
    expect(error).toMatchObject({ code: 'SSO_LOGIN_REQUIRED', command: 'aws sso login --profile dev' });
    expect(error.message).toContain('profile dev');
    expect(error.message).toMatch(/expired/);
    expect(error.fix).toMatch(/sign in/i);
    expect(JSON.stringify(error)).not.toContain('fake-sso-access-token');
    expect(JSON.stringify(error)).not.toMatch(/\n\s+at /);
  });

  it('a token cache file that is not JSON is also SSO_LOGIN_REQUIRED', async () => {
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    writeFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), '{broken');
    expect(await connectError('dev')).toMatchObject({ code: 'SSO_LOGIN_REQUIRED', command: 'aws sso login --profile dev' });
  });

  it('no token cache at all (never signed in) is SSO_LOGIN_REQUIRED', async () => {
    expect(await connectError('dev')).toMatchObject({ code: 'SSO_LOGIN_REQUIRED', command: 'aws sso login --profile dev' });
  });

  it('a missing profile whose name mentions sso is PROFILE_NOT_FOUND, not an SSO sign-in', async () => {
    const error = await connectError('sso-admin');
    expect(error).toMatchObject({ code: 'PROFILE_NOT_FOUND', command: 'aws configure --profile sso-admin' });
    expect(error.message).toContain('sso-admin');
  });

  it('expired temporary credentials at call time are CREDENTIALS_EXPIRED with the sso login command', () => {
    const error = toApiError(
      { name: 'ExpiredToken', message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 400 } },
      { profile: 'dev', action: 'sqs:GetQueueUrl' },
    );
    expect(error).toMatchObject({ code: 'CREDENTIALS_EXPIRED', command: 'aws sso login --profile dev' });
    expect(error.message).toContain('profile dev');
    expect(error.fix).toMatch(/aws sso login/);
  });
});
