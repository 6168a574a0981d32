import { randomUUID } from 'node:crypto';

/** An error answer as a service sends it: status, content type, body and headers. */
export interface AwsErrorAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function s3Error(status: number, code: string, message: string, extra = ''): AwsErrorAnswer {
  const id = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  return {
    status,
    contentType: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>${id}</RequestId><HostId>${Buffer.from(id).toString('base64')}</HostId></Error>`,
    headers: { 'x-amz-request-id': id },
  };
}

/**
 * S3's answer when it cannot validate destinations of a PutBucketNotificationConfiguration: InvalidArgument, 400,
 * each refused destination as ArgumentName<n> (its ARN) and ArgumentValue<n> (the reason).
 */
export function destinationValidationError(destinations: ReadonlyArray<{ readonly arn: string; readonly reason: string }>): AwsErrorAnswer {
  const args = destinations
    .map((d, i) => `<ArgumentName${i + 1}>${d.arn}</ArgumentName${i + 1}><ArgumentValue${i + 1}>${d.reason}</ArgumentValue${i + 1}>`)
    .join('');
  return s3Error(400, 'InvalidArgument', 'Unable to validate the following destination configurations', args);
}

/** S3's reason for a destination queue whose policy does not let S3 send (as the console and CLI show it). */
export const QUEUE_PERMISSION_REASON = 'Permissions on the destination queue do not allow S3 to publish notifications from this bucket';

/** S3's 409 for a bucket configuration change that collides with another in progress. */
export function operationAbortedError(): AwsErrorAnswer {
  return s3Error(409, 'OperationAborted', 'A conflicting conditional operation is currently in progress against this resource. Please try again.');
}

/** IAM's query-protocol AccessDenied, as a new role's reads can answer until IAM has spread it. */
export function iamAccessDeniedError(action: string, resource: string): AwsErrorAnswer {
  return {
    status: 403,
    contentType: 'text/xml',
    body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/Admin/admin is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

/** SQS's awsJson1_0 AccessDenied (with the query-compatible error header). */
export function sqsAccessDeniedError(action: string): AwsErrorAnswer {
  return {
    status: 403,
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message: `User is not authorized to perform: ${action}` }),
    headers: { 'x-amzn-query-error': 'AccessDenied;Sender' },
  };
}
