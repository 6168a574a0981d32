import { beforeEach, describe, expect, inject, it } from 'vitest';
import { FAKE_KEYS, motoEnv } from '../support/aws-profile-files';
import { resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';

const motoUrl = inject('motoUrl');

describe('CLI profile commands against moto', () => {
  beforeEach(async () => resetMoto(motoUrl));

  it('whoami --json prints the account from sts:GetCallerIdentity; progress goes to stderr', async () => {
    const run = await runCli(['whoami', '--json'], motoEnv(motoUrl));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ accountId: '123456789012', profile: 'moto' });
    expect(run.stderr).toContain('GetCallerIdentity');
    expect(run.stdout + run.stderr).not.toContain(FAKE_KEYS.secretAccessKey);
  });

  it('profiles lists kinds and marks AWS_PROFILE, without secrets', async () => {
    const run = await runCli(['profiles'], motoEnv(motoUrl));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\* moto\s+static\s+us-east-1/);
    expect(run.stdout).toMatch(/ops-mfa\s+assume-role\s+-\s+MFA/);
    expect(run.stdout).not.toContain(FAKE_KEYS.accessKeyId);
  });

  it('exits 2 with a clear message for a missing profile, and no stack trace', async () => {
    const run = await runCli(['whoami', '--profile', 'missing'], motoEnv(motoUrl));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Profile missing was not found');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown flag or command', async () => {
    expect((await runCli(['whoami', '--nope'], motoEnv(motoUrl))).code).toBe(2);
    expect((await runCli(['frobnicate'], motoEnv(motoUrl))).code).toBe(2);
  });
});
