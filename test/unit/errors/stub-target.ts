import type { AwsTarget } from '../../../main/aws/client-config';

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
