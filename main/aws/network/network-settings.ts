import { rootCertificates } from 'node:tls';
import { caBundleSetting, loadCaBundle, type CaBundle } from './ca-bundle';
import { readSharedConfigFiles } from '../shared-config-files';
import type { ProxySources } from './proxy-route';
import { retrySettings, type RetrySettings } from './retry-settings';
import type { SystemProxyResolver } from './system-proxy';
import { timeoutsFrom, type Timeouts } from './timeouts';

/** Everything about the network one connection uses: proxy sources, CA bundle, retries and timeouts (built in main, never sent to a front end). */
export interface NetworkSettings extends ProxySources {
  readonly caBundle: CaBundle | null;
  readonly retry: RetrySettings;
  readonly timeouts: Timeouts;
}

/** What resolving a connection's network needs: the environment, the profile (its ca_bundle, max_attempts, retry_mode) and the desktop app's system proxy. */
export interface NetworkRequest {
  readonly env: NodeJS.ProcessEnv;
  readonly profile: string;
  readonly systemProxy: SystemProxyResolver | null;
}

/** The profile's section of the shared config file (AWS_CONFIG_FILE honoured), or undefined. */
async function profileSection(env: NodeJS.ProcessEnv, profile: string): Promise<Readonly<Record<string, string | undefined>> | undefined> {
  const { configFile, credentialsFile } = await readSharedConfigFiles(env);
  const config = configFile[profile];
  const credentials = credentialsFile[profile];
  return config || credentials ? { ...credentials, ...config } : undefined;
}

/**
 * The network of a connection with `profile`: read once at connect, so a wrong CA bundle or retry setting fails there
 * with its setting named. Credentials from environment variables read the settings of AWS_PROFILE (else "default").
 */
export async function resolveNetworkSettings(request: NetworkRequest, configProfile = request.profile): Promise<NetworkSettings> {
  const section = await profileSection(request.env, configProfile);
  const bundle = caBundleSetting(request.env, configProfile, section);
  return {
    env: request.env,
    systemProxy: request.systemProxy,
    caBundle: bundle ? loadCaBundle(bundle) : null,
    retry: retrySettings(request.env, configProfile, section),
    timeouts: timeoutsFrom(request.env),
  };
}

const fromEnvironment = new WeakMap<NodeJS.ProcessEnv, NetworkSettings>();

/** The network from the environment alone (a target built without a connection: tests, internal reads); read once per environment. */
export function environmentNetwork(env: NodeJS.ProcessEnv): NetworkSettings {
  const known = fromEnvironment.get(env);
  if (known) return known;
  const bundle = caBundleSetting(env, '', undefined);
  const settings: NetworkSettings = {
    env,
    systemProxy: null,
    caBundle: bundle ? loadCaBundle(bundle) : null,
    retry: retrySettings(env, '', undefined),
    timeouts: timeoutsFrom(env),
  };
  fromEnvironment.set(env, settings);
  return settings;
}

/** The certificates every TLS connection trusts: Node's own roots plus the bundle (a CA list replaces the roots, so both are given). */
export function trustedCertificates(settings: NetworkSettings): ReadonlyArray<string> | null {
  return settings.caBundle ? [...rootCertificates, ...settings.caBundle.certificates] : null;
}
