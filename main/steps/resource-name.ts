import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { arnResourceName } from '../../shared/policy/arns';

/**
 * The name at the end of a step's resource ARN (queue, bucket, role), also for the text a backup recorded, which may
 * carry a note after the ARN ("... (inline policy NAME)"); a resource that is no such ARN is refused as bad input.
 */
export function nameInResource(resource: string, what: 'queue' | 'bucket' | 'role'): string {
  const name = arnResourceName(resource.split(' ')[0] ?? '');
  if (!name) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `The resource ${resource} is not the ARN of a ${what}.`, { fix: 'Choose a backup file written by this wizard.' }),
    );
  }
  return name;
}
