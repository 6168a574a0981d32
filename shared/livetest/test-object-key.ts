/**
 * Key of the live test's object: inside the setup's prefix/suffix scope, and containing a space and an `=` so the
 * event key decoding is exercised (S3 sends keys form-encoded: space as `+`, `=` as `%3D`: docs/aws-behaviour.md#s3-event-messages).
 */
export function liveTestObjectKey(prefix: string, suffix: string, now: Date, random: string): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${prefix}sqs-s3-wizard test=${stamp}-${random}${suffix}`;
}

/** Decodes an event record's object key: `+` is a space, the rest percent-encoding (moto also encodes `/` as `%2F`). */
export function decodeEventKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
