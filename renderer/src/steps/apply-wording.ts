import type { StepId } from '../../../shared/steps/step-ids';
import type { PlanAction } from '../../../shared/steps/step-plan';

/** The one AWS call each step's write makes, named in the confirmation sentence. */
const WRITE_CALL: Readonly<Record<StepId, Readonly<Record<'create' | 'update', string>>>> = {
  queue: { create: 'sqs:CreateQueue', update: 'sqs:CreateQueue' },
  queuePolicy: { create: 'sqs:SetQueueAttributes (Policy)', update: 'sqs:SetQueueAttributes (Policy)' },
  bucketNotification: { create: 's3:PutBucketNotificationConfiguration', update: 's3:PutBucketNotificationConfiguration' },
  roleTrust: { create: 'iam:CreateRole', update: 'iam:UpdateAssumeRolePolicy' },
  rolePermissions: { create: 'iam:PutRolePolicy', update: 'iam:PutRolePolicy' },
};

/** The Apply button's label: clicking it is the admin's confirmation, so it says exactly what is written. */
export function applyLabel(step: StepId, action: PlanAction): string {
  switch (step) {
    case 'queue':
      return 'Create queue';
    case 'queuePolicy':
      return 'Apply queue policy';
    case 'bucketNotification':
      return 'Apply bucket notification';
    case 'roleTrust':
      return action === 'create' ? 'Create role with this trust policy' : 'Apply role trust policy';
    case 'rolePermissions':
      return 'Apply role permissions policy';
  }
}

/** The sentence next to the Apply button: what is written, with which call, and the safeguards around it. */
export function applySentence(step: StepId, action: PlanAction, resource: string): string {
  const call = WRITE_CALL[step][action === 'create' ? 'create' : 'update'];
  const what = step === 'queue' ? `creates the standard queue ${resource}` : `writes the proposed document to ${resource}`;
  return `Applying ${what} with one call (${call}). The live document is re-read first: if it changed since this plan, nothing is written. A local backup of it is saved before the write, and the result is read back and compared.`;
}

/** One paragraph per step: what it does and why, before the plan. */
export const STEP_INTRO: Readonly<Record<StepId, string>> = {
  queue:
    'An SQS standard queue receives the bucket\'s ObjectCreated events. An existing queue is reused after checking that it is a standard queue S3 can encrypt messages for.',
  queuePolicy:
    'The queue policy lets S3 send messages to the queue, only for this bucket and this account. Other statements of the policy are kept; the wizard\'s statement is matched by its Sid.',
  bucketNotification:
    'The bucket sends ObjectCreated events under the prefix and suffix to the queue. S3 replaces the whole notification document on each write, so every other configuration is written back as it is.',
  roleTrust:
    'The platform\'s setup and load roles may assume this role, each only with the external ID. Other statements of an existing trust policy are kept.',
  rolePermissions:
    'The inline policy platform-s3-sqs-access lets the role list the bucket, read its objects and consume the queue.',
};
