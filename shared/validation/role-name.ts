import type { FieldIssue } from '../contract/api-error';

/** Checks an IAM role name (IAM CreateRole: 1-64 of [A-Za-z0-9+=,.@_-]). */
export function validateRoleName(value: string, field = 'roleName'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('Role name is required, e.g. "platform-s3-sqs-consumer-role".');
  if (value.startsWith('arn:') || value.includes('/')) {
    return fail('Role name must be the bare name, without "arn:" or a path: enter only the part after the last "/".');
  }
  if (value.length > 64) return fail(`Role name must be at most 64 characters (IAM limit); this one has ${value.length}.`);
  const bad = /[^A-Za-z0-9+=,.@_-]/.exec(value);
  if (bad) {
    return fail(`Role name may contain only letters, digits and + = , . @ _ - (IAM naming rules); remove "${bad[0]}".`);
  }
  return null;
}
