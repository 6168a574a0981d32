import type { Setup } from '../setup/setup';
import { bucketArn, partitionOfRegion, queueArnOf, type Partition } from '../policy/arns';

/** The setup and the ARNs it implies, for the checks. */
export interface DiagnosticContext {
  readonly setup: Setup;
  readonly accountId: string;
  readonly partition: Partition;
  readonly queueArn: string;
  readonly bucketArn: string;
  readonly roleArn: string;
}

/** Derives the ARNs of a setup in an account. */
export function diagnosticContext(setup: Setup, accountId: string): DiagnosticContext {
  const partition = partitionOfRegion(setup.region);
  return {
    setup,
    accountId,
    partition,
    queueArn: queueArnOf(setup.region, accountId, setup.queueName, partition),
    bucketArn: bucketArn(setup.bucket, partition),
    roleArn: `arn:${partition}:iam::${accountId}:role/${setup.roleName}`,
  };
}
