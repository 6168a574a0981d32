import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { writeProfileFiles } from '../support/aws-profile-files';
import { createBucket, createQueueWithPolicy, putNotification, sampleSetup } from '../support/moto-seed';
import { freePort, resetMoto } from '../support/moto-server';
import { runCli } from '../support/run-cli';
import { startWebApp } from '../support/web-app';
import type { ChildProcess } from 'node:child_process';

const motoUrl = inject('motoUrl');

/** Known fake secrets: every byte the app writes or prints is searched for each of them. */
const SECRETS = {
  accessKeyId: 'AKIALEAKCANARY000001',
  secretAccessKey: 'leakCanarySecret/ShouldNeverAppear+42xyz',
  sessionToken: 'LeakCanarySessionToken//AQoDYXdzEJr+canary',
  mfaCode: '864209',
};

function leakEnv(dataDir: string): NodeJS.ProcessEnv {
  const files = writeProfileFiles(
    `[profile canary]\nregion = us-east-1\n\n[profile canary-mfa]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = canary\nmfa_serial = arn:aws:iam::123456789012:mfa/admin\nregion = us-east-1\n`,
    `[canary]\naws_access_key_id = ${SECRETS.accessKeyId}\naws_secret_access_key = ${SECRETS.secretAccessKey}\naws_session_token = ${SECRETS.sessionToken}\n`,
  );
  return {
    PATH: process.env.PATH,
    HOME: files.dir,
    ...files.env,
    AWS_PROFILE: 'canary',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: motoUrl,
    AWS_EC2_METADATA_DISABLED: 'true',
    SQS_S3_WIZARD_DATA_DIR: dataDir,
  };
}

function post(port: number, token: string, channel: string, input: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ channel, input });
    const req = request(
      { host: '127.0.0.1', port, path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function leaksIn(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, secret]) => text.includes(secret) || text.includes(encodeURIComponent(secret)))
    .map(([name]) => name);
}

describe('no secret ever leaves the credential files', () => {
  let web: ChildProcess | null = null;
  beforeEach(async () => resetMoto(motoUrl));
  afterEach(() => {
    web?.kill('SIGTERM');
    web = null;
  });

  it('a whole session (web API + CLI, success and failure paths) writes and prints none of the known fake secrets', async () => {
    const work = mkdtempSync(join(tmpdir(), 'wizard-leak-'));
    const dataDir = join(work, 'data');
    const env = leakEnv(dataDir);
    const printed: string[] = [];
    await createBucket(motoUrl, 'acme-raw');
    const other = await createQueueWithPolicy(motoUrl, 'others');
    await putNotification(motoUrl, 'acme-raw', { QueueConfigurations: [{ Id: 'others', QueueArn: other.arn, Events: ['s3:ObjectRemoved:*'] }] });
    const setup = sampleSetup();

    // The GUI's path: the browser host's API, as the renderer calls it.
    const started = await startWebApp(env);
    web = started.child;
    web.stdout?.on('data', (d: Buffer) => printed.push(d.toString()));
    web.stderr?.on('data', (d: Buffer) => printed.push(d.toString()));
    const { port, token } = started.app;
    const call = (channel: string, input: unknown) =>
      post(port, token, channel, input).then((r) => (printed.push(r), JSON.parse(r) as { ok: boolean; value?: Record<string, unknown> }));
    await call('profiles.list', {});
    expect((await call('session.connect', { profile: 'canary-mfa', region: 'us-east-1', mfaCode: SECRETS.mfaCode })).ok).toBe(true);
    expect((await call('session.connect', { profile: 'canary', region: 'us-east-1' })).ok).toBe(true);
    await call('setups.save', { setup });
    for (const step of ['queue', 'queuePolicy', 'bucketNotification', 'roleTrust', 'rolePermissions']) {
      const plan = await call('steps.plan', { setup, step });
      expect(plan.ok).toBe(true);
      if (plan.value?.action !== 'unchanged') expect((await call('steps.apply', { setup, step, basis: plan.value?.basis })).ok).toBe(true);
    }
    await call('livetest.run', { setup, timeoutSeconds: 20 });
    await call('doctor.run', { setup, live: true, timeoutSeconds: 20 });
    await call('handoff.values', { setup });
    await call('export.build', { setup });
    const backups = await call('backups.list', { setupName: setup.name });
    const first = (backups.value as unknown as Array<{ path: string; kind: string }>).find((b) => b.kind === 'bucket-notification');
    if (first) {
      const plan = await call('backups.planRestore', { path: first.path });
      await call('backups.restore', { path: first.path, basis: plan.value?.basis });
    }

    // The CLI's path, including failures: a bad setup, an unreachable endpoint, a missing profile.
    const setupFile = join(work, 'setup.json');
    writeFileSync(setupFile, JSON.stringify(setup));
    const runs = [
      await runCli(['apply', '--setup', setupFile, '--yes', '--json'], env),
      await runCli(['plan', '--setup', setupFile], env),
      await runCli(['doctor', '--setup', setupFile, '--live', '--report', join(work, 'report')], env),
      await runCli(['export', '--setup', setupFile, '--out', join(work, 'export')], env),
      await runCli(['whoami', '--profile', 'canary-mfa', '--mfa-code', SECRETS.mfaCode], env),
      await runCli(['whoami'], { ...env, AWS_ENDPOINT_URL: `http://127.0.0.1:${await freePort()}` }),
      await runCli(['whoami', '--profile', 'nope'], env),
      await runCli(['apply', '--setup', join(work, 'missing.json'), '--yes'], env),
      await runCli(['profiles', '--json'], env),
    ];
    for (const r of runs) printed.push(r.stdout, r.stderr);
    expect(runs[0]?.code, runs[0]?.stderr).toBe(0);

    // The CLI's code caches (bytecode of the bundle, kept under the user's cache folder) are searched too.
    const codeCaches = join(env['HOME'] ?? '', '.cache', 'sqs-s3-wizard');
    expect(filesUnder(codeCaches).some((f) => f.includes('apply-'))).toBe(true);
    const written = [
      ...filesUnder(dataDir),
      ...filesUnder(started.app.dataDir),
      ...filesUnder(join(work, 'report')),
      ...filesUnder(join(work, 'export')),
      ...filesUnder(codeCaches),
    ];
    expect(written.some((f) => f.endsWith('audit.log'))).toBe(true);
    expect(written.filter((f) => f.includes(`${join('backups', 'acme-raw')}`)).length).toBeGreaterThan(4);
    const found = [
      ...written.map((f) => ({ where: f, leaks: leaksIn(readFileSync(f, 'utf8')) })),
      ...printed.map((p, i) => ({ where: `output #${i}`, leaks: leaksIn(p) })),
    ].filter((x) => x.leaks.length > 0);
    expect(found).toEqual([]);

    // File modes: the data directory is private, backups and the audit log are owner-only.
    for (const dir of [dataDir, started.app.dataDir, join(codeCaches, 'code-cache')]) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of filesUnder(dir)) expect(statSync(f).mode & 0o077, f).toBe(0);
    }
  });
});
