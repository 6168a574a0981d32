import type { FieldIssue } from '../contract/api-error';

/** Checks an external ID (STS AssumeRole ExternalId: 2-1,224 of [A-Za-z0-9+=,.@:/_-], docs/aws-behaviour.md#iam-roles-and-policies). */
export function validateExternalId(value: string, field = 'externalId'): FieldIssue | null {
  const fail = (message: string): FieldIssue => ({ field, message });
  if (value === '') return fail('External ID is required: paste the organization ID shown in the platform console.');
  if (value.length < 2 || value.length > 1224) {
    return fail(`External ID must be 2 to 1,224 characters (STS limit); this one has ${value.length}.`);
  }
  const bad = /[^A-Za-z0-9+=,.@:/_-]/.exec(value);
  if (bad) {
    const shown = bad[0] === ' ' ? 'a space' : `"${bad[0]}"`;
    return fail(`External ID may contain only letters, digits and + = , . @ : / _ - (STS rules); it contains ${shown}.`);
  }
  return null;
}
