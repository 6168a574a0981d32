import type { FieldIssue } from '../contract/api-error';

/** Checks a Region code's shape (e.g. us-east-1, cn-north-1, us-gov-west-1); the list of Regions grows, so no fixed list. */
export function validateRegion(value: string, field = 'region'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('Region is required: the Region where both the bucket and the queue are, e.g. "us-east-1".');
  if (/[A-Z]/.test(value)) {
    // Suggest the lower-case form only when it is a Region code: "Frankfurt" is no Region in any case.
    if (validateRegion(value.toLowerCase()) === null) return fail(`Region code must be lowercase, e.g. "${value.toLowerCase()}".`);
    return fail(`"${value}" is not a Region code: use the form "us-east-1", "eu-central-1" or "cn-north-1".`);
  }
  if (/^[a-z]{2}(-gov)?-[a-z]+-\d+[a-z]$/.test(value)) {
    return fail(`"${value}" is an Availability Zone; use its Region, "${value.slice(0, -1)}".`);
  }
  if (/-iso[a-z]*-/.test(value)) return fail(`Region "${value}" is in an isolated partition, which this wizard does not support.`);
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/.test(value)) {
    return fail(`"${value}" is not a Region code: use the form "us-east-1", "eu-central-1" or "cn-north-1".`);
  }
  return null;
}
