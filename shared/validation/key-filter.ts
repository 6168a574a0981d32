import type { FieldIssue } from '../contract/api-error';

/** S3 notification filter values are at most 1,024 characters (docs/aws-behaviour.md#s3-bucket-notifications). */
export const MAX_FILTER_VALUE_LENGTH = 1024;

function validateFilterValue(value: string, field: string, what: string): FieldIssue | null {
  if (value.length > MAX_FILTER_VALUE_LENGTH) {
    return {
      field,
      message: `Object key ${what} must be at most 1,024 characters (S3 filter rule limit); this one has ${value.length}.`,
    };
  }
  return null;
}

/** Checks the object key prefix of the notification filter; empty means every key. */
export function validatePrefix(value: string, field = 'prefix'): FieldIssue | null {
  return validateFilterValue(value, field, 'prefix');
}

/** Checks the object key suffix of the notification filter; empty means every key. */
export function validateSuffix(value: string, field = 'suffix'): FieldIssue | null {
  return validateFilterValue(value, field, 'suffix');
}

/** Warnings, not errors: S3 filters are literal strings, and an empty scope sends every new object's event. */
export function keyFilterWarnings(prefix: string, suffix: string): ReadonlyArray<FieldIssue> {
  const warnings: FieldIssue[] = [];
  if (prefix === '' && suffix === '') {
    warnings.push({
      field: 'prefix',
      message: 'Prefix and suffix are both empty: every object created anywhere in the bucket will send an event.',
    });
  }
  if (prefix.startsWith('/')) {
    warnings.push({ field: 'prefix', message: 'Prefix starts with "/": S3 keys rarely do, so this filter may match nothing.' });
  }
  for (const [field, value] of [
    ['prefix', prefix],
    ['suffix', suffix],
  ] as const) {
    if (/[*?]/.test(value)) {
      warnings.push({ field, message: `S3 filters have no wildcards: "*" and "?" in the ${field} match only those literal characters.` });
    }
  }
  return warnings;
}
