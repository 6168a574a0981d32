import type { AwsTarget } from '../../../main/aws/client-config';
import type { PlanContext } from '../../../main/steps/step-context';
import { UNKNOWN_NEIGHBOURHOOD } from '../../../shared/neighbours/neighbourhood';
import { bucketArn, queueArnOf } from '../../../shared/policy/arns';
import type { Setup } from '../../../shared/setup/setup';

/** A target with fake keys and no endpoint override: every call is answered by aws-sdk-client-mock, never sent. */
export function stubTarget(region = 'us-east-1'): AwsTarget {
  return { region, credentials: { accessKeyId: 'AKIAFAKETESTKEY12345', secretAccessKey: 'fakeSecretForTests' }, env: {} };
}

/** The options every SDK service exception class takes (smithy ServiceExceptionOptions). */
interface ExceptionOptions {
  readonly name: string;
  readonly $fault: 'client' | 'server';
  readonly $metadata: { readonly httpStatusCode?: number; readonly requestId?: string };
  readonly message?: string;
}

/** An error as the SDK raises it for a 403 answer: the service's exception class with the wire error name. */
export function deniedBy<E extends Error>(Exception: new (options: ExceptionOptions) => E, name: string): E {
  return new Exception({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 403, requestId: 'test-request' },
    message: `User: arn:aws:sts::123456789012:assumed-role/ReadOnly/admin is not authorized to perform this action (${name})`,
  });
}

/** A plan context on the stub target for `setup`, keeping backups and the audit log in `dir`; no neighbours. */
export function stubStepContext(setup: Setup, dir: string): PlanContext {
  const accountId = '123456789012';
  return {
    setup,
    target: stubTarget(setup.region),
    accountId,
    bucketOwner: accountId,
    choices: { removeStaleRules: [] },
    callerArn: `arn:aws:iam::${accountId}:user/admin`,
    partition: 'aws',
    queueArn: queueArnOf(setup.region, accountId, setup.queueName),
    bucketArn: bucketArn(setup.bucket),
    roleArn: `arn:aws:iam::${accountId}:role/${setup.roleName}`,
    dataDir: dir,
    backupRoot: dir,
    signal: new AbortController().signal,
    progress: () => undefined,
    neighbourhood: UNKNOWN_NEIGHBOURHOOD,
  };
}
