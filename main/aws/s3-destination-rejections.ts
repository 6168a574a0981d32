/** One destination S3 could not validate, with S3's own reason ("The destination queue does not exist", "Permissions on ..."). */
export interface DestinationRejection {
  readonly arn: string;
  readonly reason: string;
}

/** S3's message when a destination of a PutBucketNotificationConfiguration fails validation (docs/aws-behaviour.md#destination-validation). */
export const DESTINATION_VALIDATION_MESSAGE = 'Unable to validate the following destination configurations';

/**
 * The destinations S3 refused, read from the error body's ArgumentName1/ArgumentValue1, ArgumentName2/... pairs (or
 * one ArgumentName/ArgumentValue), which the SDK copies onto the error; null when the error is not S3's destination
 * validation failure, an empty list when S3 named none.
 */
export function destinationRejections(err: unknown): ReadonlyArray<DestinationRejection> | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as Readonly<Record<string, unknown>>;
  const code = e['Code'] ?? e['name'];
  if (code !== 'InvalidArgument' || !String(e['message'] ?? '').startsWith(DESTINATION_VALIDATION_MESSAGE)) return null;
  const found: DestinationRejection[] = [];
  const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : null);
  if (text('ArgumentName')) found.push({ arn: text('ArgumentName') as string, reason: text('ArgumentValue') ?? '' });
  for (let i = 1; text(`ArgumentName${i}`); i++) found.push({ arn: text(`ArgumentName${i}`) as string, reason: text(`ArgumentValue${i}`) ?? '' });
  return found;
}
