import type { FieldIssue } from '../../../shared/contract/api-error';
import { dedicatedRoleName } from '../../../shared/neighbours/role-users';
import type { Setup } from '../../../shared/setup/setup';
import { validateBucketName } from '../../../shared/validation/bucket-name';
import { validateBucketOwner } from '../../../shared/validation/bucket-owner';
import { validateExternalId } from '../../../shared/validation/external-id';
import { validatePrefix, validateSuffix } from '../../../shared/validation/key-filter';
import { validateQueueName } from '../../../shared/validation/queue-name';
import { validateRegion } from '../../../shared/validation/region';
import { validateRoleArn } from '../../../shared/validation/role-arn';
import { validateRoleName } from '../../../shared/validation/role-name';
import { validateSetupName } from '../../../shared/validation/setup-name';

/** The platform guide's role name (its ROLE_NAME). */
export const DEFAULT_ROLE_NAME = 'platform-s3-sqs-consumer-role';

/**
 * The role name offered for a new setup: the platform guide's, unless another saved setup already uses it, then one of
 * its own ("<guide's name>-<setup name>"), so a second setup never takes over the first one's role by default.
 */
export function freeRoleName(setupName: string, takenRoleNames: ReadonlySet<string>): string {
  if (!takenRoleNames.has(DEFAULT_ROLE_NAME) || setupName === '') return DEFAULT_ROLE_NAME;
  return dedicatedRoleName({ name: setupName, roleName: DEFAULT_ROLE_NAME });
}

/** The text fields of the scope form: the setup file's keys. */
export type ScopeTextField = Exclude<keyof Setup, 'objectReadScope' | 'allowDeleteObject'>;

/** The scope form as typed: every text field, the two options as checkboxes. */
export type ScopeDraft = { readonly [K in ScopeTextField]: string } & {
  readonly limitReadsToPrefix: boolean;
  readonly allowDeleteObject: boolean;
};

/** SQS allows 80 characters of [A-Za-z0-9_-]; bucket names add only "." to that. */
const MAX_QUEUE_NAME = 80;

/** The queue name offered for a bucket: "<bucket>-s3-events", dots made dashes, at most 80 characters. */
export function defaultQueueName(bucket: string): string {
  if (bucket === '') return '';
  return `${bucket}-s3-events`
    .replace(/\./g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '-')
    .slice(0, MAX_QUEUE_NAME);
}

/** An empty form in the connected Region, with the platform guide's role name. */
export function emptyDraft(region: string): ScopeDraft {
  return {
    name: '',
    region,
    bucket: '',
    prefix: '',
    suffix: '',
    queueName: '',
    roleName: DEFAULT_ROLE_NAME,
    platformSetupRoleArn: '',
    platformLoadRoleArn: '',
    externalId: '',
    bucketOwner: '',
    limitReadsToPrefix: false,
    allowDeleteObject: false,
  };
}

/** The form prefilled from a saved setup. */
export function draftFromSetup(setup: Setup): ScopeDraft {
  const { objectReadScope, allowDeleteObject, bucketOwner, ...text } = setup;
  return { ...text, bucketOwner: bucketOwner ?? '', limitReadsToPrefix: objectReadScope === 'prefix', allowDeleteObject: allowDeleteObject === true };
}

/** The setup the form describes; the options are written only when switched on (their absence is the platform guide's behaviour). */
export function setupFromDraft(draft: ScopeDraft): Setup {
  const { limitReadsToPrefix, allowDeleteObject, bucketOwner, ...text } = draft;
  return {
    ...text,
    // Empty: the connected account owns the bucket (the default ExpectedBucketOwner).
    ...(bucketOwner !== '' ? { bucketOwner } : {}),
    ...(limitReadsToPrefix ? { objectReadScope: 'prefix' as const } : {}),
    ...(allowDeleteObject ? { allowDeleteObject: true } : {}),
  };
}

/** True when two setups would build the same documents (the options compared with their defaults filled in). */
export function sameSetup(a: Setup, b: Setup): boolean {
  const canonical = (s: Setup): string => {
    const draft: Readonly<Record<string, unknown>> = draftFromSetup(s);
    return JSON.stringify(
      Object.keys(draft)
        .sort()
        .map((key) => [key, draft[key]]),
    );
  };
  return canonical(a) === canonical(b);
}

/** The shared validator of each text field: the same rules the back end and the CLI apply. */
export const FIELD_VALIDATORS: Readonly<Record<ScopeTextField, (value: string) => FieldIssue | null>> = {
  name: (v) => validateSetupName(v),
  region: (v) => validateRegion(v),
  bucket: (v) => validateBucketName(v),
  prefix: (v) => validatePrefix(v),
  suffix: (v) => validateSuffix(v),
  queueName: (v) => validateQueueName(v),
  roleName: (v) => validateRoleName(v),
  platformSetupRoleArn: (v) => validateRoleArn(v, 'platformSetupRoleArn'),
  platformLoadRoleArn: (v) => validateRoleArn(v, 'platformLoadRoleArn'),
  externalId: (v) => validateExternalId(v),
  bucketOwner: (v) => validateBucketOwner(v),
};

/** Every field's problem (null when the value is fine). */
export function draftIssues(draft: ScopeDraft): Readonly<Record<ScopeTextField, FieldIssue | null>> {
  return Object.fromEntries((Object.keys(FIELD_VALIDATORS) as ScopeTextField[]).map((field) => [field, FIELD_VALIDATORS[field](draft[field])])) as Record<
    ScopeTextField,
    FieldIssue | null
  >;
}
