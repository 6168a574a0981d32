/**
 * The platform guide's AWS-side steps, in the order they must run: the queue policy, the KMS key policy (of an
 * encrypted queue) and the SNS fan-out (when the admin resolves an overlap with one) before the bucket notification,
 * because S3 validates the destination when the notification is put (docs/aws-behaviour.md#s3-bucket-notifications).
 */
export const AWS_STEP_IDS = ['queue', 'queuePolicy', 'kmsKeyPolicy', 'snsFanOut', 'bucketNotification', 'roleTrust', 'rolePermissions'] as const;

/** One of the AWS steps (not a wizard screen: those are WizardStepId in the renderer). */
export type AwsStepId = (typeof AWS_STEP_IDS)[number];

/**
 * How an apply run (steps.applyAll) writes the steps: each chain in order, the chains side by side. The queue's chain
 * keeps the guide's order, so a bucket never names a destination that does not yet accept its events; the role's chain
 * names the queue and the bucket only by ARN, which IAM takes before they exist (docs/aws-behaviour.md#apply-order).
 */
export const APPLY_CHAINS: ReadonlyArray<ReadonlyArray<AwsStepId>> = [
  ['queue', 'queuePolicy', 'kmsKeyPolicy', 'snsFanOut', 'bucketNotification'],
  ['roleTrust', 'rolePermissions'],
];

/**
 * Whether a backup of a step's document can be written back: always, only when the document existed then, or never;
 * the refusal says why (the wizard creates queues, roles and policies but never deletes them).
 */
export type RestoreRule =
  { readonly allowed: 'always' } | { readonly allowed: 'when-it-existed' | 'never'; readonly refusal: { readonly message: string; readonly fix: string } };

/** What every front end and store knows of one AWS step; its AWS behaviour is in main/steps/definitions/. */
export interface AwsStepFacts {
  /** What the admin reads for the step (stepper, plans, CLI). */
  readonly title: string;
  /** The kind recorded in its backups: `backups/<setup>/<time>-<kind>.json`. */
  readonly backupKind: string;
  /** The IAM action the one write needs (named in confirmations and AccessDenied fixes): creating, updating, deleting (remove). */
  readonly writeAction: { readonly create: string; readonly update: string; readonly delete: string };
  /** What the Apply button says: clicking it is the admin's confirmation, so it names what is written. */
  readonly applyLabel: { readonly create: string; readonly update: string };
  /** One paragraph shown before the plan: what the step does and why. */
  readonly intro: string;
  /** Whether a backup of this step can be restored. */
  readonly restore: RestoreRule;
  /** What stops when the setup's own part of this document is taken out (a restore warns with it before writing). */
  readonly withoutOurPart: string;
}

/** Every AWS step's facts; adding a step adds one entry here and one definition in main/steps/definitions/. */
export const AWS_STEPS = {
  queue: {
    title: 'SQS queue',
    backupKind: 'queue',
    writeAction: { create: 'sqs:CreateQueue', update: 'sqs:CreateQueue', delete: 'sqs:DeleteQueue' },
    applyLabel: { create: 'Create queue', update: 'Create queue' },
    intro:
      "An SQS standard queue receives the bucket's ObjectCreated events. An existing queue is reused after checking that it is a standard queue S3 can encrypt messages for.",
    restore: {
      allowed: 'never',
      refusal: {
        message: 'A queue backup records that the queue did not exist yet; the wizard does not delete queues.',
        fix: 'Choose a backup of a policy or notification document.',
      },
    },
    withoutOurPart: "the platform has no queue to read the bucket's events from.",
  },
  queuePolicy: {
    title: 'Queue policy',
    backupKind: 'queue-policy',
    writeAction: { create: 'sqs:SetQueueAttributes', update: 'sqs:SetQueueAttributes', delete: 'sqs:SetQueueAttributes' },
    applyLabel: { create: 'Apply queue policy', update: 'Apply queue policy' },
    intro:
      "The queue policy lets S3 send messages to the queue, only for this bucket and this account. Other statements of the policy are kept; the wizard's statement is matched by its Sid.",
    restore: { allowed: 'always' },
    withoutOurPart: "S3 may no longer send the bucket's events to the queue, so delivery to the platform stops.",
  },
  kmsKeyPolicy: {
    title: 'KMS key policy',
    backupKind: 'kms-key-policy',
    writeAction: { create: 'kms:PutKeyPolicy', update: 'kms:PutKeyPolicy', delete: 'kms:PutKeyPolicy' },
    applyLabel: { create: 'Apply KMS key policy', update: 'Apply KMS key policy' },
    intro:
      "When the queue is encrypted with a customer managed KMS key, the key policy must let S3 use the key (kms:GenerateDataKey and kms:Decrypt), only for this bucket and this account, or no event arrives. Other statements of the key policy are kept; the wizard's statement is matched by its Sid. A queue with SSE-SQS or no encryption needs nothing here.",
    restore: {
      allowed: 'when-it-existed',
      refusal: {
        message: 'This backup records no key policy, and a KMS key always has one, so there is nothing to write back.',
        fix: 'Choose another backup of the key policy.',
      },
    },
    withoutOurPart: "S3 may no longer use the queue's key, so no event reaches the queue and delivery to the platform stops.",
  },
  snsFanOut: {
    title: 'SNS fan-out',
    backupKind: 'sns-fan-out',
    writeAction: { create: 'sns:CreateTopic', update: 'sns:Subscribe', delete: 'sns:DeleteTopic' },
    applyLabel: { create: 'Create the SNS fan-out', update: 'Apply the SNS fan-out' },
    intro:
      "Only when this setup's rule overlaps another rule of the bucket and you chose to resolve it with a fan-out: an SNS topic receives the events instead, and each former destination (the other team's queue or function, and this setup's queue) is subscribed with raw delivery and a filter that reproduces its own rule exactly. Other subscriptions and statements are kept.",
    restore: { allowed: 'always' },
    withoutOurPart: "the topic no longer passes this setup's events on to its queue, so delivery to the platform stops.",
  },
  bucketNotification: {
    title: 'Bucket notification',
    backupKind: 'bucket-notification',
    writeAction: { create: 's3:PutBucketNotification', update: 's3:PutBucketNotification', delete: 's3:PutBucketNotification' },
    applyLabel: { create: 'Apply bucket notification', update: 'Apply bucket notification' },
    intro:
      'The bucket sends ObjectCreated events under the prefix and suffix to the queue. S3 replaces the whole notification document on each write, so every other configuration is written back as it is.',
    restore: { allowed: 'always' },
    withoutOurPart: "the bucket no longer sends this setup's events to the queue, so delivery to the platform stops.",
  },
  roleTrust: {
    title: 'Role trust policy',
    backupKind: 'role-trust-policy',
    writeAction: { create: 'iam:CreateRole', update: 'iam:UpdateAssumeRolePolicy', delete: 'iam:DeleteRole' },
    applyLabel: { create: 'Create role with this trust policy', update: 'Apply role trust policy' },
    intro: "The platform's setup and load roles may assume this role, each only with the external ID. Other statements of an existing trust policy are kept.",
    restore: {
      allowed: 'when-it-existed',
      refusal: {
        message: 'The role did not exist when this backup was taken; the wizard does not delete roles.',
        fix: 'Delete the role in the IAM console if that is what you want.',
      },
    },
    withoutOurPart: 'the platform may no longer assume the role, so it stops reading the events and the objects.',
  },
  rolePermissions: {
    title: 'Role permissions policy',
    backupKind: 'role-permissions-policy',
    writeAction: { create: 'iam:PutRolePolicy', update: 'iam:PutRolePolicy', delete: 'iam:DeleteRolePolicy' },
    applyLabel: { create: 'Apply role permissions policy', update: 'Apply role permissions policy' },
    intro: 'The inline policy platform-s3-sqs-access lets the role list the bucket, read its objects and consume the queue.',
    restore: {
      allowed: 'when-it-existed',
      refusal: {
        message: 'The inline policy did not exist when this backup was taken; the wizard does not delete policies.',
        fix: 'Delete it in the IAM console if that is what you want.',
      },
    },
    withoutOurPart: 'the role may no longer read the bucket or consume the queue, so the platform stops ingesting.',
  },
} as const satisfies Readonly<Record<AwsStepId, AwsStepFacts>>;

/** A backup kind: one per AWS step's document. */
export type BackupKind = (typeof AWS_STEPS)[AwsStepId]['backupKind'];

/** Every backup kind, in step order (the backup file schema accepts exactly these). */
export const BACKUP_KINDS: readonly [BackupKind, ...BackupKind[]] = [
  AWS_STEPS.queue.backupKind,
  ...AWS_STEP_IDS.slice(1).map((id) => AWS_STEPS[id].backupKind),
];

/** The step whose document a backup kind holds (restore), or null for a kind this version does not know. */
export function awsStepOfBackupKind(kind: string): AwsStepId | null {
  return AWS_STEP_IDS.find((id) => AWS_STEPS[id].backupKind === kind) ?? null;
}

/** A step's title inside a sentence ("Remove: queue policy"): lower case, but acronyms such as SQS and KMS stay as they are. */
export function titleInSentence(id: AwsStepId): string {
  return AWS_STEPS[id].title
    .split(' ')
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}
