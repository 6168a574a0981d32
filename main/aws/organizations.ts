import type { AwsTarget } from './client-config';
import { isAwsError, serviceClient } from './clients';

/** The target's Organizations client and the package's commands, loaded on first use: only diagnostics ask for it. */
async function organizations(target: AwsTarget) {
  const sdk = await import('@aws-sdk/client-organizations');
  return { sdk, client: serviceClient(target, 'ORGANIZATIONS', (config) => new sdk.OrganizationsClient(config)) };
}

/** Whether the account belongs to an AWS Organization: then service and resource control policies may deny too. */
export type OrganizationMembership = 'member' | 'none' | 'unknown';

/**
 * organizations:DescribeOrganization answers in member accounts too; "not in use" means no organization. A refusal or
 * any other error leaves it unknown (diagnostics then say that such policies may exist).
 */
export async function organizationMembership(target: AwsTarget, signal?: AbortSignal): Promise<OrganizationMembership> {
  try {
    const { client, sdk } = await organizations(target);
    await client.send(new sdk.DescribeOrganizationCommand({}), { abortSignal: signal });
    return 'member';
  } catch (err) {
    if (signal?.aborted) throw err;
    return isAwsError(err, ['AWSOrganizationsNotInUseException']) ? 'none' : 'unknown';
  }
}
