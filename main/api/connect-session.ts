import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { Connection } from '../../shared/contract/aws-profile';
import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError } from '../aws/aws-errors';
import { releaseClients } from '../aws/clients';
import { resolveCredentials } from '../aws/credentials';
import { displayedEndpoint } from '../aws/endpoint';
import { getCallerIdentity } from '../aws/sts';
import type { HandlerContext } from './handler-context';

/** The profile step: resolve credentials (asking for MFA when needed), then sts:GetCallerIdentity. */
export async function connectSession(input: ChannelParsed<'session.connect'>, ctx: HandlerContext): Promise<Connection> {
  const endpoint = displayedEndpoint(ctx.workspace.env);
  const callContext = { profile: input.profile, endpoint };
  ctx.progress(`Resolving credentials of profile ${input.profile}`);
  let credentials;
  try {
    credentials = await resolveCredentials({
      profile: input.profile,
      region: input.region,
      env: ctx.workspace.env,
      ...(input.mfaCode ? { mfaCode: input.mfaCode } : {}),
    });
  } catch (err) {
    throw new ApiFailure(toApiError(err, callContext));
  }
  ctx.progress('Calling sts:GetCallerIdentity');
  const target = { region: input.region, credentials, env: ctx.workspace.env };
  try {
    const identity = await getCallerIdentity(target, callContext, ctx.signal);
    const connection: Connection = { profile: input.profile, region: input.region, endpoint, ...identity };
    ctx.workspace.connect(connection, credentials);
    return connection;
  } finally {
    releaseClients(target);
  }
}
