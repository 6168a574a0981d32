import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import type { AwsTarget } from './client-config';
import { clientsFor, isAwsError } from './clients';

/** Whether the account belongs to an AWS Organization: then service and resource control policies may deny too. */
export type OrganizationMembership = 'member' | 'none' | 'unknown';

/**
 * organizations:DescribeOrganization answers in member accounts too; "not in use" means no organization. A refusal or
 * any other error leaves it unknown (diagnostics then say that such policies may exist).
 */
export async function organizationMembership(target: AwsTarget, signal?: AbortSignal): Promise<OrganizationMembership> {
  try {
    await clientsFor(target).organizations.send(new DescribeOrganizationCommand({}), { abortSignal: signal });
    return 'member';
  } catch (err) {
    if (signal?.aborted) throw err;
    return isAwsError(err, ['AWSOrganizationsNotInUseException']) ? 'none' : 'unknown';
  }
}
