import { partitionOfRegion } from '../../shared/policy/arns';
import type { BucketNotificationDocument } from '../../shared/policy/notification-document';
import { ruleDestinations, uncheckableReason, type DestinationCheck } from '../../shared/policy/notification-destinations';
import { checkDestination } from '../aws/destinations';
import type { AwsCallContext } from './step-context';

/**
 * Whether each destination of the bucket's rules still exists, where this connection can see it (its own account,
 * partition and the bucket's Region); the others are "unchecked" with the reason. One read per distinct
 * destination, concurrently.
 */
export async function checkDestinations(
  call: AwsCallContext,
  document: BucketNotificationDocument | null,
  bucketRegion: string,
): Promise<Readonly<Record<string, DestinationCheck>>> {
  const scope = { accountId: call.accountId, partition: partitionOfRegion(call.target.region), region: bucketRegion };
  const unique = [...new Map(ruleDestinations(document).map((r) => [r.arn, r])).values()];
  const entries = await Promise.all(
    unique.map(async (rule): Promise<[string, DestinationCheck]> => {
      const why = uncheckableReason(rule.arn, scope);
      return [rule.arn, why ? { state: 'unchecked', why } : await checkDestination(call.target, rule.kind, rule.arn, call.signal)];
    }),
  );
  return Object.fromEntries(entries);
}
