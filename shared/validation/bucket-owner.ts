import type { FieldIssue } from '../contract/api-error';

/** Checks the confirmed bucket owner: empty means the connected account owns the bucket, else a 12-digit account ID (S3 ExpectedBucketOwner). */
export function validateBucketOwner(value: string, field = 'bucketOwner'): FieldIssue | null {
  if (value === '' || /^\d{12}$/.test(value)) return null;
  return { field, message: 'The bucket owner is a 12-digit AWS account ID; leave it empty when the connected account owns the bucket.' };
}
