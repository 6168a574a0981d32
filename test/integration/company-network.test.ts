import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { FAKE_KEYS, motoEnv, writeProfileFiles } from '../support/aws-profile-files';
import { createBucket, sampleSetup, queueExists as queueExistsIn } from '../support/moto-seed';
import { resetMoto } from '../support/moto-server';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { runCli } from '../support/run-cli';
import { makeTestCertificates } from '../support/test-certificates';
import { startTlsFront, type TlsFront } from '../support/tls-front';

const motoUrl = inject('motoUrl');
const PROXY_PASSWORD = 'pr0xy-s3cret';
const certificates = makeTestCertificates();
let front: TlsFront;
let proxy: RecordingProxy;

/** A setup file, a data directory, and an environment whose every endpoint is moto behind the test CA's TLS front. */
function workspace(extra: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-net-'));
  const file = join(dir, 'setup.json');
  writeFileSync(file, JSON.stringify(sampleSetup()));
  return { file, env: { ...motoEnv(motoUrl), AWS_ENDPOINT_URL: front.url, SQS_S3_WIZARD_DATA_DIR: join(dir, 'data'), ...extra } };
}

const proxyUrl = () => `http://admin:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;

/** True when every request moto's front received arrived on a connection the proxy opened. */
function everyRequestTunnelled(): boolean {
  const ports = proxy.upstreamPorts();
  return front.requests().length > 0 && front.requests().every((r) => ports.has(r.clientPort));
}

const queueExists = (name: string) => queueExistsIn(motoUrl, name);

describe('company networks: a proxy with credentials and a TLS-inspecting CA, against moto behind TLS', () => {
  beforeAll(async () => {
    front = await startTlsFront(motoUrl, certificates);
    proxy = await startRecordingProxy({ credentials: { user: 'admin', password: PROXY_PASSWORD } });
  });
  afterAll(async () => {
    await proxy.close();
    await front.close();
  });
  beforeEach(async () => {
    await resetMoto(motoUrl);
    await createBucket(motoUrl, 'acme-raw');
    proxy.clear();
    front.clear();
  });

  it('sends every AWS call of a full apply, its live test and doctor through HTTPS_PROXY, with AWS_CA_BUNDLE trusted on the tunnel', async () => {
    const ws = workspace({ HTTPS_PROXY: proxyUrl(), AWS_CA_BUNDLE: certificates.caPath });
    const apply = await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env);
    expect(apply.code, apply.stderr).toBe(0);
    expect(JSON.parse(apply.stdout).liveTest).toMatchObject({ ok: true });
    const doctor = await runCli(['doctor', '--setup', ws.file, '--json'], ws.env);
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true });
    // STS, SQS, S3 (bucket, notification, the test object), IAM: every request came over a tunnel the proxy opened.
    const paths = front.requests().map((r) => `${r.method} ${r.path}`);
    expect(paths.some((p) => p.includes('notification'))).toBe(true);
    expect(paths.some((p) => p.startsWith('PUT /acme-raw/incoming/'))).toBe(true);
    expect(everyRequestTunnelled()).toBe(true);
    expect(proxy.requests().every((r) => r.method === 'CONNECT' && r.target === `localhost:${front.port}` && r.status === 200)).toBe(true);
    // The proxy's password is sent to the proxy and printed nowhere.
    expect(apply.stdout + apply.stderr + doctor.stdout + doctor.stderr).not.toContain(PROXY_PASSWORD);
    expect(apply.stderr).toContain(`proxy http://***@127.0.0.1:${proxy.port} (HTTPS_PROXY)`);
  });

  it('goes around the proxy for a NO_PROXY host, and the whole flow still works', async () => {
    const ws = workspace({ HTTPS_PROXY: proxyUrl(), NO_PROXY: 'localhost', AWS_CA_BUNDLE: certificates.caPath });
    const apply = await runCli(['apply', '--setup', ws.file, '--yes', '--json'], ws.env);
    expect(apply.code, apply.stderr).toBe(0);
    expect(proxy.requests()).toEqual([]);
    expect(front.requests().length).toBeGreaterThan(10);
    expect(apply.stderr).toContain('no proxy (NO_PROXY (localhost))');
  });

  it('without the bundle, fails at connect with a certificate error that names both settings, and writes nothing', async () => {
    const ws = workspace({ HTTPS_PROXY: proxyUrl() });
    const apply = await runCli(['apply', '--setup', ws.file, '--yes'], ws.env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`);
    expect(apply.stderr).toContain('AWS_CA_BUNDLE, or ca_bundle in the profile');
    expect(apply.stderr).toContain('never turns certificate verification off');
    expect(apply.stderr).not.toMatch(/\n\s+at /);
    expect(await queueExists('acme-raw-s3-events')).toBe(false);
  });

  it("trusts a profile's ca_bundle as the AWS CLI does, and shows it on connect", async () => {
    const files = writeProfileFiles(
      `[profile corp]\nregion = us-east-1\nca_bundle = ${certificates.caPath}\n`,
      `[corp]\naws_access_key_id = ${FAKE_KEYS.accessKeyId}\naws_secret_access_key = ${FAKE_KEYS.secretAccessKey}\n`,
    );
    const ws = workspace({ ...files.env, AWS_PROFILE: 'corp', HTTPS_PROXY: proxyUrl() });
    const whoami = await runCli(['whoami'], ws.env);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toContain(`CA bundle ${certificates.caPath} (ca_bundle of profile corp, 1 certificate(s)`);
    expect(whoami.stdout).toContain(`proxy     http://***@127.0.0.1:${proxy.port} (HTTPS_PROXY)`);
    const apply = await runCli(['apply', '--setup', ws.file, '--yes', '--skip-test'], ws.env);
    expect(apply.code, apply.stderr).toBe(0);
    expect(everyRequestTunnelled()).toBe(true);
  });

  it('names a proxy that refuses the credentials, without printing them', async () => {
    const ws = workspace({ HTTPS_PROXY: `http://admin:wrong-password@127.0.0.1:${proxy.port}`, AWS_CA_BUNDLE: certificates.caPath });
    const whoami = await runCli(['whoami'], ws.env);
    expect(whoami.code).toBe(1);
    expect(whoami.stderr).toContain(`The proxy http://***@127.0.0.1:${proxy.port} asked for credentials it did not get or did not accept (HTTP 407)`);
    expect(whoami.stderr).not.toContain('wrong-password');
  });

  it('sends plain-HTTP endpoints through HTTP_PROXY', async () => {
    const ws = workspace({ AWS_ENDPOINT_URL: motoUrl, HTTP_PROXY: proxyUrl() });
    const whoami = await runCli(['whoami', '--json'], ws.env);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout).network).toMatchObject({ proxy: `http://***@127.0.0.1:${proxy.port}`, proxySource: 'HTTP_PROXY' });
    expect(proxy.requests().map((r) => r.target)).toContain(new URL(motoUrl).host);
  });
});
