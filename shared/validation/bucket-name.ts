import type { FieldIssue } from '../contract/api-error';

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

/** Checks a general purpose bucket name against the S3 naming rules (S3 User Guide, "General purpose bucket naming rules"). */
export function validateBucketName(value: string, field = 'bucket'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('Bucket name is required: enter the name of the S3 bucket whose objects are ingested.');
  if (/^s3:\/\/|^arn:|\//.test(value)) {
    return fail(`Bucket name must be the bare name (no "s3://", ARN or "/path"): for "${value}" enter just the bucket name.`);
  }
  if (value.length < 3 || value.length > 63) {
    return fail(`Bucket name must be 3 to 63 characters long (S3 naming rules); this one has ${value.length}.`);
  }
  if (/[A-Z]/.test(value)) return fail('Bucket name must be lowercase (S3 naming rules): use the name exactly as S3 shows it.');
  const bad = /[^a-z0-9.-]/.exec(value);
  if (bad) {
    return fail(`Bucket name may contain only lowercase letters, digits, "." and "-" (S3 naming rules); remove "${bad[0]}".`);
  }
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) {
    return fail('Bucket name must begin and end with a lowercase letter or a digit (S3 naming rules).');
  }
  if (value.includes('..')) return fail('Bucket name must not contain two adjacent periods (S3 naming rules).');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) {
    return fail('Bucket name must not be formatted as an IP address (S3 naming rules).');
  }
  const prefix = RESERVED_PREFIXES.find((p) => value.startsWith(p));
  if (prefix) return fail(`Bucket name must not start with "${prefix}": S3 reserves that prefix.`);
  const suffix = RESERVED_SUFFIXES.find((s) => value.endsWith(s));
  if (suffix) {
    return fail(`Bucket name must not end with "${suffix}": S3 reserves that suffix for access points and directory buckets.`);
  }
  return null;
}
