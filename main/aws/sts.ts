import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CallContext } from './aws-errors';
import type { AwsTarget } from './client-config';
import { awsFailure, serviceClient } from './clients';

/** The target's STS client. */
export function stsClient(target: AwsTarget): STSClient {
  return serviceClient(target, 'STS', (config) => new STSClient(config));
}

/** The caller's account, ARN and user id (sts:GetCallerIdentity needs no permission). */
export interface CallerIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly userId: string;
}

/** sts:GetCallerIdentity: proves the credentials work and names the account; a failure names the profile and endpoint. */
export async function getCallerIdentity(
  target: AwsTarget,
  caller: Pick<CallContext, 'profile' | 'endpoint' | 'region'>,
  signal?: AbortSignal,
): Promise<CallerIdentity> {
  try {
    const out = await stsClient(target).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    return { accountId: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (err) {
    throw awsFailure(err, 'sts:GetCallerIdentity', undefined, caller);
  }
}
