import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private CA and a server certificate it signed, made at test time (never checked in), as PEM files and text. */
export interface TestCertificates {
  readonly dir: string;
  /** The CA's certificate: the bundle an admin would point AWS_CA_BUNDLE at. */
  readonly caPath: string;
  readonly caPem: string;
  readonly keyPem: string;
  /** The server certificate, for "localhost" and 127.0.0.1, followed by nothing else (the CA is not sent). */
  readonly certPem: string;
}

function openssl(args: ReadonlyArray<string>, cwd: string): void {
  execFileSync('openssl', [...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Generates a CA and a localhost certificate with openssl, as a TLS-inspecting proxy's private CA would sign one. */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-test-ca-'));
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Wizard Test Root CA'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  writeFileSync(
    join(dir, 'san.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n',
  );
  openssl(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext'],
    dir,
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { dir, caPath: join(dir, 'ca.pem'), caPem: read('ca.pem'), keyPem: read('server.key'), certPem: read('server.pem') };
}
