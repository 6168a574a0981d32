import { awsStepOfBackupKind, type AwsStepId } from '../../shared/steps/aws-steps';
import { bucketNotificationStep } from './definitions/bucket-notification';
import { kmsKeyPolicyStep } from './definitions/kms-key-policy';
import { queueStep } from './definitions/queue';
import { queuePolicyStep } from './definitions/queue-policy';
import { rolePermissionsStep } from './definitions/role-permissions';
import { roleTrustStep } from './definitions/role-trust';
import { snsFanOutStep } from './definitions/sns-fan-out';
import type { AnyStepDefinition } from './step-definition';

/** Every AWS step's definition by id; AWS_STEP_IDS gives the order. */
export const STEP_DEFINITIONS: Readonly<Record<AwsStepId, AnyStepDefinition>> = {
  queue: queueStep,
  queuePolicy: queuePolicyStep,
  kmsKeyPolicy: kmsKeyPolicyStep,
  snsFanOut: snsFanOutStep,
  bucketNotification: bucketNotificationStep,
  roleTrust: roleTrustStep,
  rolePermissions: rolePermissionsStep,
};

/** The definition whose document a backup kind holds, or null for a kind this version does not know. */
export function definitionOfBackupKind(kind: string): AnyStepDefinition | null {
  const id = awsStepOfBackupKind(kind);
  return id === null ? null : STEP_DEFINITIONS[id];
}
