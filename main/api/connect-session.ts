import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { Connection } from '../../shared/contract/aws-profile';
import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError } from '../aws/aws-errors';
import { resolveCredentials } from '../aws/credentials';
import { displayedEndpoint } from '../aws/endpoint';
import { getCallerIdentity } from '../aws/sts';
import type { HandlerContext } from './handler-context';

/** The profile step: resolve credentials (asking for MFA when needed), then sts:GetCallerIdentity. */
export async function connectSession(input: ChannelParsed<'session.connect'>, ctx: HandlerContext): Promise<Connection> {
  const endpoint = displayedEndpoint(ctx.session.env);
  const callContext = { profile: input.profile, endpoint };
  ctx.progress(`Resolving credentials of profile ${input.profile}`);
  let credentials;
  try {
    credentials = await resolveCredentials({ profile: input.profile, region: input.region, env: ctx.session.env, ...(input.mfaCode ? { mfaCode: input.mfaCode } : {}) });
  } catch (err) {
    throw new ApiFailure(toApiError(err, callContext));
  }
  ctx.progress('Calling sts:GetCallerIdentity');
  try {
    const identity = await getCallerIdentity({ region: input.region, credentials, env: ctx.session.env }, ctx.signal);
    const connection: Connection = { profile: input.profile, region: input.region, endpoint, ...identity };
    ctx.session.connect(connection, credentials);
    return connection;
  } catch (err) {
    throw new ApiFailure(toApiError(err, { ...callContext, action: 'sts:GetCallerIdentity' }));
  }
}
