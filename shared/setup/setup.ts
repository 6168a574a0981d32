import * as z from 'zod';
import type { FieldIssue } from '../contract/api-error';
import { validateBucketName } from '../validation/bucket-name';
import { validateExternalId } from '../validation/external-id';
import { validatePrefix, validateSuffix } from '../validation/key-filter';
import { validateQueueName } from '../validation/queue-name';
import { validateRegion } from '../validation/region';
import { validateRoleArn } from '../validation/role-arn';
import { validateRoleName } from '../validation/role-name';
import { validateSetupName } from '../validation/setup-name';

function checked(validate: (value: string) => FieldIssue | null) {
  return z.string().superRefine((value, ctx) => {
    const issue = validate(value);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message });
  });
}

/** The setup file (docs/ARCHITECTURE.md#data-on-disk); strict, so a misspelt key is an error rather than silently ignored. */
export const setupSchema = z.strictObject({
  name: checked(validateSetupName),
  region: checked(validateRegion),
  bucket: checked(validateBucketName),
  prefix: checked(validatePrefix),
  suffix: checked(validateSuffix),
  queueName: checked(validateQueueName),
  roleName: checked(validateRoleName),
  platformSetupRoleArn: checked((v) => validateRoleArn(v, 'platformSetupRoleArn')),
  platformLoadRoleArn: checked((v) => validateRoleArn(v, 'platformLoadRoleArn')),
  externalId: checked(validateExternalId),
  objectReadScope: z.enum(['bucket', 'prefix']).optional(),
  allowDeleteObject: z.boolean().optional(),
  /** How an overlap with another rule of the bucket is resolved: "fan-out" puts an SNS topic in front (the admin's explicit choice). */
  overlapResolution: z.enum(['fan-out']).optional(),
  /** The account that owns the bucket, when it is not the connected one: confirmed by the admin, sent as ExpectedBucketOwner. */
  bucketOwner: z
    .string()
    .regex(/^\d{12}$/, 'the bucket owner is a 12-digit AWS account ID')
    .optional(),
});

/** One saved setup: everything the wizard needs to build the platform guide's four documents. */
export type Setup = z.infer<typeof setupSchema>;

/** Every key of the setup file, in the order the wizard asks for them. */
export const SETUP_FIELDS = Object.keys(setupSchema.shape) as ReadonlyArray<keyof Setup>;

/** Fields the file must have; the options beyond the platform guide default to the guide's behaviour when absent. */
export const REQUIRED_SETUP_FIELDS: ReadonlyArray<keyof Setup> = SETUP_FIELDS.filter(
  (key) => key !== 'objectReadScope' && key !== 'allowDeleteObject' && key !== 'overlapResolution' && key !== 'bucketOwner',
);
