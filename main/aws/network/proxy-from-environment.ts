import { getProxyForUrl } from 'proxy-from-env';

/** A proxy taken from the environment for one URL, and the variable that named it (shown to the admin, never the URL's credentials). */
export interface EnvironmentProxy {
  readonly url: string;
  readonly variable: string;
}

/** The variables proxy-from-env reads for a scheme, in its order: lower case before upper case, then ALL_PROXY (as curl does). */
function variablesFor(scheme: string): ReadonlyArray<string> {
  return [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`, 'all_proxy', 'ALL_PROXY'];
}

/** Every proxy variable the wizard honours; when one is set, the desktop app does not ask the system proxy. */
export const PROXY_VARIABLES: ReadonlyArray<string> = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'];

/** True when any proxy variable has a value (docs/aws-behaviour.md#credentials-endpoints-and-networks). */
export function proxyVariablesSet(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

/** The NO_PROXY list as set (no_proxy before NO_PROXY, as proxy-from-env reads it), or null. */
export function noProxyList(env: NodeJS.ProcessEnv): string | null {
  const value = (env['no_proxy'] || env['NO_PROXY'] || '').trim();
  return value === '' ? null : value;
}

/**
 * A scheme-less proxy ("proxy.corp:3128") means plain HTTP to the proxy, as the AWS CLI (botocore) reads it;
 * proxy-from-env would give it the target's scheme and speak TLS to the proxy.
 */
function withHttpSchemes(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = { ...env };
  for (const name of PROXY_VARIABLES) {
    const value = copy[name]?.trim();
    if (value && !value.includes('://')) copy[name] = `http://${value}`;
  }
  return copy;
}

/**
 * The proxy for a URL under HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY (hosts, ".suffix", "*.suffix", "host:port",
 * "*"), decided by proxy-from-env; null means a direct connection. proxy-from-env reads process.env, so the
 * workspace's environment (the CLI's, a test's) stands in for it during the one synchronous call.
 */
export function environmentProxyFor(url: string, env: NodeJS.ProcessEnv): EnvironmentProxy | null {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  const variable = variablesFor(scheme).find((name) => (env[name] ?? '').trim() !== '');
  if (!variable) return null;
  const saved = process.env;
  process.env = withHttpSchemes(env);
  let proxy: string;
  try {
    proxy = getProxyForUrl(url);
  } finally {
    process.env = saved;
  }
  return proxy ? { url: proxy, variable } : null;
}
