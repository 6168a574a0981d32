import type { FieldIssue } from '../../../shared/contract/api-error';
import { DEFAULT_ROLE_NAME, freeQueueName, freeRoleName, freeSetupName } from '../../../shared/setup/default-names';
import type { Setup } from '../../../shared/setup/setup';
import { isSetupNameTaken, setupNameTakenError } from '../../../shared/setup/setup-name-taken';
import { validateBucketName } from '../../../shared/validation/bucket-name';
import { validateBucketOwner } from '../../../shared/validation/bucket-owner';
import { validateExternalId } from '../../../shared/validation/external-id';
import { validatePrefix, validateSuffix } from '../../../shared/validation/key-filter';
import { validateQueueName } from '../../../shared/validation/queue-name';
import { validateRegion } from '../../../shared/validation/region';
import { validateRoleArn } from '../../../shared/validation/role-arn';
import { validateRoleName } from '../../../shared/validation/role-name';
import { validateSetupName } from '../../../shared/validation/setup-name';

/** The text fields of the scope form: the setup file's keys. */
export type ScopeTextField = Exclude<keyof Setup, 'objectReadScope' | 'allowDeleteObject' | 'overlapResolution'>;

/** The scope form as typed: every text field, the two options as checkboxes. */
export type ScopeDraft = { readonly [K in ScopeTextField]: string } & {
  readonly limitReadsToPrefix: boolean;
  readonly allowDeleteObject: boolean;
  /** Chosen on a blocked overlap (not a form field), carried through edits of the scope. */
  readonly overlapResolution?: 'fan-out';
};

/** Names other saved setups use: a new setup's defaults avoid them (the setup being edited is not among them). */
export interface TakenNames {
  /** Every other saved setup's name, removed ones too (their records still hold the name). */
  readonly setupNames: ReadonlySet<string>;
  /** Queue and role names of the other saved setups that are not removed. */
  readonly queueNames: ReadonlySet<string>;
  readonly roleNames: ReadonlySet<string>;
}

/**
 * The draft with the fields the admin has not typed in following their free defaults: the setup name the bucket's
 * (or "<bucket>-2"), the queue "<bucket>-s3-events" (or one of the setup's own), the role the guide's (or one of the
 * setup's own), so a new setup never takes another saved setup's name, queue or role by default.
 */
export function followDefaults(draft: ScopeDraft, edited: ReadonlySet<ScopeTextField>, taken: TakenNames): ScopeDraft {
  const name = edited.has('name') ? draft.name : freeSetupName(draft.bucket, taken.setupNames);
  const queueName = edited.has('queueName') ? draft.queueName : freeQueueName(draft.bucket, name, taken.queueNames);
  const roleName = edited.has('roleName') ? draft.roleName : freeRoleName(name, taken.roleNames);
  return { ...draft, name, queueName, roleName };
}

/** The problem with a setup name another saved setup already has (saving would replace it), with the fix; null when it is free. */
export function takenNameIssue(name: string, taken: TakenNames): string | null {
  if (!isSetupNameTaken(name, taken.setupNames)) return null;
  const error = setupNameTakenError(name, taken.setupNames);
  return `${error.message} ${error.fix ?? ''}`.trim();
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
  const { limitReadsToPrefix, allowDeleteObject, overlapResolution, bucketOwner, ...text } = draft;
  return {
    ...text,
    ...(overlapResolution ? { overlapResolution } : {}),
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
