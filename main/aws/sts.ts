import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig, type AwsTarget } from './client-config';

/** The caller's account, ARN and user id (sts:GetCallerIdentity needs no permission). */
export interface CallerIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly userId: string;
}

/** sts:GetCallerIdentity: proves the credentials work and names the account. */
export async function getCallerIdentity(target: AwsTarget, signal?: AbortSignal): Promise<CallerIdentity> {
  const client = new STSClient(clientConfig('STS', target));
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    return { accountId: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } finally {
    client.destroy();
  }
}
