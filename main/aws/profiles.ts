import type { ProfileKind, ProfileListing, ProfileSummary } from '../../shared/contract/aws-profile';
import { regionalEndpoint } from '../../shared/policy/partition';
import { displayedEndpoint, endpointFor } from './endpoint';
import { describeListingNetwork } from './network/describe-network';
import type { SystemProxyResolver } from './network/system-proxy';
import { readSharedConfigFiles } from './shared-config-files';

/** Name of the pseudo-profile for credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
export const ENVIRONMENT_PROFILE = '(environment)';

type IniSection = Readonly<Record<string, string | undefined>>;

/** Kind of a profile from its keys (AWS CLI "Configuration and credential file settings"). */
export function profileKind(config: IniSection | undefined, credentials: IniSection | undefined): ProfileKind {
  const merged = { ...config, ...credentials };
  if (merged.sso_session || merged.sso_start_url) return 'sso';
  if (merged.role_arn && merged.web_identity_token_file) return 'web-identity';
  if (merged.role_arn) return 'assume-role';
  if (merged.credential_process) return 'credential-process';
  if (merged.aws_access_key_id && merged.aws_secret_access_key) return 'static';
  return 'incomplete';
}

/**
 * Lists profiles from the shared config and credentials files (honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE),
 * with the network the environment sets up: the proxy for the Region's STS endpoint (the desktop app's system proxy
 * when no variable is set), NO_PROXY and AWS_CA_BUNDLE.
 */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env, systemProxy: SystemProxyResolver | null = null): Promise<ProfileListing> {
  const { configFile, credentialsFile } = await readSharedConfigFiles(env);
  // Sub-sections such as [sso-session corp] or [services x] come back as 'sso-session.corp': they are not profiles.
  const names = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])].filter((n) => !/^(sso-session|services)\./.test(n)).sort();
  const profiles: ProfileSummary[] = names.map((name) => {
    const config = configFile[name];
    const creds = credentialsFile[name];
    const sources: Array<'config' | 'credentials'> = [];
    if (config) sources.push('config');
    if (creds) sources.push('credentials');
    return {
      name,
      kind: profileKind(config, creds),
      region: config?.region ?? creds?.region ?? null,
      mfaSerial: config?.mfa_serial ?? creds?.mfa_serial ?? null,
      sourceProfile: config?.source_profile ?? creds?.source_profile ?? null,
      sources,
      caBundle: config?.ca_bundle ?? creds?.ca_bundle ?? null,
    };
  });
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    profiles.unshift({
      name: ENVIRONMENT_PROFILE,
      kind: 'environment',
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? null,
      mfaSerial: null,
      sourceProfile: null,
      sources: ['environment'],
      caBundle: null,
    });
  }
  const wanted = env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE;
  const selected =
    (wanted && profiles.some((p) => p.name === wanted) ? wanted : null) ??
    (profiles.some((p) => p.name === 'default') ? 'default' : null) ??
    profiles[0]?.name ??
    null;
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? profiles.find((p) => p.name === selected)?.region ?? null;
  const network = await describeListingNetwork({ env, systemProxy }, endpointFor('STS', env) ?? regionalEndpoint('sts', region ?? 'us-east-1'));
  return { profiles, selected, region, endpoint: displayedEndpoint(env), network };
}
