import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { endpointFor } from './endpoint';
import { ENVIRONMENT_PROFILE, profileKind } from './profiles';
import { readSharedConfigFiles, sharedConfigPaths } from './shared-config-files';

/** What it takes to resolve credentials for one profile. */
export interface CredentialRequest {
  readonly profile: string;
  readonly mfaCode?: string;
  /** Region for the STS calls an assume-role or SSO profile makes on the way. */
  readonly region: string;
  /** Where AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and environment keys are read from. */
  readonly env: NodeJS.ProcessEnv;
  /** The connection's request handler: the STS and SSO calls a profile makes go through the same proxy and CA bundle. */
  readonly requestHandler?: NodeHttpHandler;
}

/**
 * Resolves a profile's credentials once, in main only (they never cross IPC). Covers static keys, SSO, assume-role
 * (with MFA through mfaCodeProvider) and credential_process, via the SDK's own fromIni chain.
 */
export async function resolveCredentials(req: CredentialRequest): Promise<AwsCredentialIdentity> {
  if (req.profile === ENVIRONMENT_PROFILE) return fromEnvironment(req.env);
  const files = sharedConfigPaths(req.env);
  // fromIni does not hand these file paths on to its SSO provider, which would read the default files instead.
  const handler = req.requestHandler ? { requestHandler: req.requestHandler } : {};
  if (await isSsoProfile(req.profile, req.env)) return settle(fromSSO({ profile: req.profile, ...files, ignoreCache: true, clientConfig: { ...handler } })());
  const provider = fromIni({
    profile: req.profile,
    ...files,
    ignoreCache: true,
    clientConfig: { region: req.region, ...stsEndpoint(req.env), ...handler },
    mfaCodeProvider: async (serial: string) => {
      if (!req.mfaCode) {
        throw new ApiFailure(
          apiError('MFA_REQUIRED', `Profile ${req.profile} needs a code from MFA device ${serial}.`, {
            fix: 'Enter the 6-digit code from your MFA device and connect again (CLI: --mfa-code CODE).',
          }),
        );
      }
      return req.mfaCode;
    },
  });
  return settle(provider());
}

async function isSsoProfile(profile: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const { configFile, credentialsFile } = await readSharedConfigFiles(env);
  return profileKind(configFile[profile], credentialsFile[profile]) === 'sso';
}

async function settle(pending: Promise<AwsCredentialIdentity>): Promise<AwsCredentialIdentity> {
  try {
    return await pending;
  } catch (err) {
    // Providers may wrap what mfaCodeProvider threw; keep our own value when it is inside.
    const inner = findApiFailure(err);
    if (inner) throw inner;
    throw err;
  }
}

function findApiFailure(err: unknown, depth = 0): ApiFailure | null {
  if (err instanceof ApiFailure) return err;
  if (depth > 4 || typeof err !== 'object' || err === null) return null;
  return findApiFailure((err as { cause?: unknown }).cause, depth + 1);
}

function fromEnvironment(env: NodeJS.ProcessEnv): AwsCredentialIdentity {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new ApiFailure(
      apiError('NO_CREDENTIALS', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set.', {
        fix: 'Set both variables, or choose a profile from ~/.aws/config.',
      }),
    );
  }
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

/** The inner STS client of assume-role profiles honours the same endpoint override as ours. */
function stsEndpoint(env: NodeJS.ProcessEnv): { endpoint?: string } {
  const endpoint = endpointFor('STS', env);
  return endpoint ? { endpoint } : {};
}
