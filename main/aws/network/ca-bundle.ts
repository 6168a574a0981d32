import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ApiFailure, apiError } from '../../../shared/contract/api-error';

/** Where the CA bundle comes from: AWS_CA_BUNDLE wins over the profile's ca_bundle, as in the AWS CLI (docs/aws-behaviour.md#credentials-endpoints-and-networks). */
export interface CaBundleSetting {
  readonly path: string;
  /** "AWS_CA_BUNDLE" or "ca_bundle of profile NAME": named in every message about the bundle. */
  readonly source: string;
}

/** A CA bundle read and checked: its PEM certificates, added to Node's own roots on every connection. */
export interface CaBundle extends CaBundleSetting {
  readonly certificates: ReadonlyArray<string>;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The bundle the settings name, or null (then only Node's own roots are trusted). */
export function caBundleSetting(
  env: NodeJS.ProcessEnv,
  profile: string,
  profileSection: Readonly<Record<string, string | undefined>> | undefined,
): CaBundleSetting | null {
  const fromEnv = env['AWS_CA_BUNDLE']?.trim();
  if (fromEnv) return { path: expandHome(fromEnv, env), source: 'AWS_CA_BUNDLE' };
  const fromProfile = profileSection?.['ca_bundle']?.trim();
  return fromProfile ? { path: expandHome(fromProfile, env), source: `ca_bundle of profile ${profile}` } : null;
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path === '~' || path.startsWith('~/') ? join(env['HOME'] ?? homedir(), path.slice(1)) : path;
}

/** Reads the bundle and checks every certificate in it, so a wrong file fails at connect with its setting named, not as a TLS error later. */
export function loadCaBundle(setting: CaBundleSetting): CaBundle {
  const fix = `Point ${setting.source} at a PEM file holding your organisation's CA certificate(s) ("-----BEGIN CERTIFICATE-----" blocks), the same file the AWS CLI uses.`;
  let text: string;
  try {
    text = readFileSync(setting.path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ApiFailure(apiError('BAD_INPUT', `The CA bundle ${setting.path} (from ${setting.source}) cannot be read (${code}).`, { fix }));
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new ApiFailure(apiError('BAD_INPUT', `The CA bundle ${setting.path} (from ${setting.source}) holds no PEM certificate.`, { fix }));
  }
  certificates.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new ApiFailure(apiError('BAD_INPUT', `Certificate ${i + 1} of the CA bundle ${setting.path} (from ${setting.source}) cannot be parsed.`, { fix }));
    }
  });
  return { ...setting, certificates };
}
