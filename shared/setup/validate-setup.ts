import type { FieldIssue } from '../contract/api-error';
import { isJsonObject } from '../diff/json-object';
import { partitionOfRegion } from '../policy/arns';
import { keyFilterWarnings } from '../validation/key-filter';
import { REQUIRED_SETUP_FIELDS, setupSchema, type Setup } from './setup';

/** validateSetup's answer: the typed setup plus warnings, or every problem at once. */
export type SetupValidation =
  | { readonly ok: true; readonly setup: Setup; readonly warnings: ReadonlyArray<FieldIssue> }
  | { readonly ok: false; readonly issues: ReadonlyArray<FieldIssue> };

const TYPE_HINTS: Readonly<Record<string, string>> = {
  objectReadScope: 'must be "bucket" (read every object, as the platform guide does) or "prefix" (read only keys under the prefix)',
  allowDeleteObject: 'must be true or false (true lets the platform delete source files after ingestion)',
  bucketOwner: 'must be the 12-digit account ID that owns the bucket (only when it is not the connected account)',
};

function shapeIssues(input: unknown): ReadonlyArray<FieldIssue> {
  if (!isJsonObject(input)) return [{ field: '(file)', message: 'The setup must be a JSON object: { "name": ..., "region": ..., ... }.' }];
  const result = setupSchema.safeParse(input);
  if (result.success) return [];
  const issues: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: key, message: `Unknown key "${key}": the setup file does not use it. Remove it or check its spelling.` });
      }
      continue;
    }
    const field = String(issue.path[0] ?? '(file)');
    if (!(field in input)) {
      issues.push({ field, message: `Missing field "${field}": the setup file must set it.` });
    } else if (issue.code === 'custom') {
      issues.push({ field, message: issue.message });
    } else {
      issues.push({ field, message: `Field "${field}" ${TYPE_HINTS[field] ?? 'must be a string'}.` });
    }
  }
  return issues;
}

function crossFieldIssues(setup: Setup): ReadonlyArray<FieldIssue> {
  const partition = partitionOfRegion(setup.region);
  const issues: FieldIssue[] = [];
  for (const field of ['platformSetupRoleArn', 'platformLoadRoleArn'] as const) {
    const arnPartition = setup[field].split(':')[1];
    if (arnPartition !== partition) {
      issues.push({
        field,
        message: `Role ARN is in partition "${arnPartition}" but Region ${setup.region} is in "${partition}": roles cannot be assumed across partitions.`,
      });
    }
  }
  return issues;
}

/** Validates a whole setup file: each field by its rule, unknown keys and missing fields named one by one (docs/ARCHITECTURE.md#data-on-disk). */
export function validateSetup(input: unknown): SetupValidation {
  const issues = shapeIssues(input);
  if (issues.length > 0) return { ok: false, issues: sortByField(issues) };
  const setup = setupSchema.parse(input);
  const crossField = crossFieldIssues(setup);
  if (crossField.length > 0) return { ok: false, issues: crossField };
  const warnings = [...keyFilterWarnings(setup.prefix, setup.suffix)];
  if (setup.objectReadScope === 'prefix' && setup.prefix === '') {
    warnings.push({ field: 'objectReadScope', message: 'Object reads are scoped to the prefix, but the prefix is empty: every object is readable.' });
  }
  return { ok: true, setup, warnings };
}

function sortByField(issues: ReadonlyArray<FieldIssue>): ReadonlyArray<FieldIssue> {
  const rank = (field: string): number => {
    const i = (REQUIRED_SETUP_FIELDS as ReadonlyArray<string>).indexOf(field);
    return i < 0 ? REQUIRED_SETUP_FIELDS.length : i;
  };
  return [...issues].sort((a, b) => rank(a.field) - rank(b.field));
}
