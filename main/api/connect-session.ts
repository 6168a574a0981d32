import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { Connection } from '../../shared/contract/aws-profile';
import { ApiFailure } from '../../shared/contract/api-error';
import { regionalEndpoint } from '../../shared/policy/partition';
import { toApiError } from '../aws/aws-errors';
import { releaseClients } from '../aws/clients';
import { resolveCredentials } from '../aws/credentials';
import { displayedEndpoint, endpointFor } from '../aws/endpoint';
import { describeNetwork } from '../aws/network/describe-network';
import { resolveNetworkSettings } from '../aws/network/network-settings';
import { requestHandlerFor } from '../aws/network/request-handler';
import { ENVIRONMENT_PROFILE } from '../aws/profiles';
import { getCallerIdentity } from '../aws/sts';
import type { HandlerContext } from './handler-context';

/** The profile whose ca_bundle, max_attempts and retry_mode apply: credentials from the environment use AWS_PROFILE's, else "default". */
function configProfileOf(profile: string, env: NodeJS.ProcessEnv): string {
  return profile === ENVIRONMENT_PROFILE ? (env['AWS_PROFILE'] ?? env['AWS_DEFAULT_PROFILE'] ?? 'default') : profile;
}

/**
 * The profile step: read the network settings (proxy, CA bundle, retries: a wrong one fails here, named), resolve
 * credentials through that network (asking for MFA when needed), then sts:GetCallerIdentity.
 */
export async function connectSession(input: ChannelParsed<'session.connect'>, ctx: HandlerContext): Promise<Connection> {
  const env = ctx.workspace.env;
  const endpoint = displayedEndpoint(env);
  const callContext = { profile: input.profile, endpoint, region: input.region };
  ctx.progress('Reading the network settings: proxy, CA bundle, retries');
  let network;
  try {
    network = await resolveNetworkSettings({ env, profile: input.profile, systemProxy: ctx.workspace.systemProxy() }, configProfileOf(input.profile, env));
  } catch (err) {
    throw new ApiFailure(toApiError(err, callContext));
  }
  const requestHandler = requestHandlerFor(network);
  ctx.progress(`Resolving credentials of profile ${input.profile}`);
  let credentials;
  try {
    credentials = await resolveCredentials({
      profile: input.profile,
      region: input.region,
      env,
      requestHandler,
      ...(input.mfaCode ? { mfaCode: input.mfaCode } : {}),
    });
  } catch (err) {
    requestHandler.destroy();
    throw new ApiFailure(toApiError(err, callContext));
  }
  ctx.progress('Calling sts:GetCallerIdentity');
  const target = { region: input.region, credentials, env, network };
  try {
    const identity = await getCallerIdentity(target, callContext, ctx.signal);
    const summary = await describeNetwork(network, endpointFor('STS', env) ?? regionalEndpoint('sts', input.region));
    const connection: Connection = { profile: input.profile, region: input.region, endpoint, ...identity, network: summary };
    ctx.workspace.connect(connection, credentials, network);
    return connection;
  } finally {
    releaseClients(target);
    requestHandler.destroy();
  }
}
