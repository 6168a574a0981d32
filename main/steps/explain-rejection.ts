import { targetInRegion } from '../aws/clients';
import { apiError, type ApiError } from '../../shared/contract/api-error';
import { parseArn, partitionOfRegion } from '../../shared/policy/arns';
import { uncheckableReason } from '../../shared/policy/notification-destinations';
import { queuePolicyAllowsS3 } from '../../shared/policy-eval/queue-policy-allows-s3';
import { kmsKeyStatementForS3 } from '../../shared/policy/build-kms-key-statement';
import { checkDestination } from '../aws/destinations';
import { currentOperation } from '../aws/operation-scope';
import type { DestinationRejection } from '../aws/s3-destination-rejections';
import { getQueueAttributes, getQueueUrl } from '../aws/sqs';
import type { AwsCallContext } from './step-context';

/** The bucket whose configuration S3 refused. */
export interface RefusedBucket {
  readonly arn: string;
  readonly region: string;
  readonly owner: string;
}

/**
 * What explains one refused destination: eventual consistency (our queue policy, written moments ago, allows the
 * bucket: S3 may not see it yet) or a cause to name (docs/aws-behaviour.md#destination-validation).
 */
export type RejectionFinding =
  { readonly kind: 'settling'; readonly ageSeconds: number } | { readonly kind: 'cause'; readonly cause: string; readonly fix: string };

async function judgeQueue(call: AwsCallContext, arn: string, bucket: RefusedBucket): Promise<RejectionFinding> {
  const parts = parseArn(arn);
  const target = parts ? targetInRegion(call.target, parts.region) : call.target;
  const name = parts?.resource ?? arn;
  const url = await getQueueUrl(target, name, call.signal);
  if (!url) return { kind: 'cause', cause: 'the queue does not exist', fix: `Create queue ${name} again, or remove the rule that sends to it.` };
  const attrs = await getQueueAttributes(target, url, ['Policy', 'KmsMasterKeyId'], call.signal);
  const decision = queuePolicyAllowsS3({ policy: attrs['Policy'] ?? null, queueArn: arn, bucketArn: bucket.arn, accountId: bucket.owner });
  if (!decision.allowed) {
    return {
      kind: 'cause',
      cause: `its queue policy does not let S3 send from ${bucket.arn}: ${decision.reason}`,
      fix: `Apply the queue policy step (plan again), or add a statement letting s3.amazonaws.com call sqs:SendMessage on ${arn} from ${bucket.arn}.`,
    };
  }
  const key = attrs['KmsMasterKeyId'];
  if (key) {
    return {
      kind: 'cause',
      cause: `its queue policy allows S3, but the queue is encrypted with KMS key ${key}, whose key policy must let S3 use it`,
      fix: /alias\/aws\/sqs$/.test(key)
        ? 'The AWS managed key alias/aws/sqs cannot allow S3: switch the queue to SSE-SQS or a customer managed key.'
        : `Add this statement to the key policy of ${key}: ${JSON.stringify(kmsKeyStatementForS3(bucket.arn, bucket.owner))}`,
    };
  }
  const age = currentOperation()?.recentWrites.ageOf(`sqs:${name}`) ?? null;
  if (age !== null) return { kind: 'settling', ageSeconds: Math.max(1, Math.round(age / 1000)) };
  return {
    kind: 'cause',
    cause: `its queue policy lets S3 send from ${bucket.arn} (the wizard's policy engine), so the policy does not explain S3's refusal`,
    fix: "Retry in a minute (a policy changed elsewhere moments ago may not have reached S3 yet); if it persists, ask whether an organization's resource control policy denies S3.",
  };
}

/** Judges one destination S3 refused: a queue of this connection is read and its policy evaluated; a topic or function is checked to exist. */
export async function judgeRejection(call: AwsCallContext, rejection: DestinationRejection, bucket: RefusedBucket): Promise<RejectionFinding> {
  const parts = parseArn(rejection.arn);
  const elsewhere = uncheckableReason(rejection.arn, { accountId: call.accountId, partition: partitionOfRegion(call.target.region), region: bucket.region });
  if (elsewhere && parts && parts.region !== bucket.region && parts.account === call.accountId) {
    return {
      kind: 'cause',
      cause: `it is in ${parts.region}, but S3 sends only to destinations in the bucket's Region ${bucket.region}`,
      fix: `Point the rule at a destination in ${bucket.region}.`,
    };
  }
  if (elsewhere)
    return {
      kind: 'cause',
      cause: `the wizard cannot read it: ${elsewhere}`,
      fix: `Ask the owner of ${rejection.arn} to let S3 send to it from ${bucket.arn}, or to remove the rule.`,
    };
  if (parts?.service === 'sqs') return judgeQueue(call, rejection.arn, bucket);
  const kind = parts?.service === 'sns' ? 'topic' : 'function';
  const check = await checkDestination(call.target, kind, rejection.arn, call.signal);
  if (check.state === 'missing')
    return { kind: 'cause', cause: `the ${kind} ${check.detail}`, fix: `Remove the rule that sends to ${rejection.arn}, or recreate the ${kind}.` };
  const action = kind === 'topic' ? 'sns:Publish' : 'lambda:InvokeFunction';
  return {
    kind: 'cause',
    cause: `the ${kind}'s policy must let s3.amazonaws.com call ${action} from ${bucket.arn}`,
    fix: `Add that permission to ${rejection.arn}.`,
  };
}

/** The error value for S3's refusal: every destination with S3's own reason and what the wizard found; never only the error code. */
export function rejectionError(
  bucket: RefusedBucket,
  rejections: ReadonlyArray<DestinationRejection>,
  findings: ReadonlyArray<RejectionFinding>,
  waitedSeconds: number | null,
): ApiError {
  const lines = rejections.map((r, i) => {
    const f = findings[i];
    const found = !f
      ? ''
      : f.kind === 'cause'
        ? `: ${f.cause}`
        : `: S3 still refuses ${waitedSeconds ?? 0} s after its queue policy was written, though the policy allows the bucket`;
    return `${r.arn} (S3: "${r.reason || 'no reason given'}")${found}`;
  });
  const fixes = findings.map((f) => (f.kind === 'cause' ? f.fix : 'Wait a minute and apply again: S3 may take longer to see a new queue policy.'));
  const named = lines.length > 0 ? lines.join('; ') : 'S3 named no destination';
  return apiError(
    'AWS_ERROR',
    `S3 refused the notification configuration of ${bucket.arn}: "Unable to validate the following destination configurations": ${named}.${waitedSeconds !== null ? ` (Waited ${waitedSeconds} s.)` : ''}`,
    { fix: [...new Set(fixes)].join(' ') || 'Check every destination of the configuration, then plan again.' },
  );
}
