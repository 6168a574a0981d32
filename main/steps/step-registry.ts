import type { StepId } from '../../shared/steps/step-ids';
import { bucketNotificationStep } from './bucket-notification-step';
import { queuePolicyStep } from './queue-policy-step';
import { queueStep } from './queue-step';
import { rolePermissionsStep } from './role-permissions-step';
import { roleTrustStep } from './role-trust-step';
import type { StepDefinition } from './step-definition';

/** Every step by id; STEP_IDS gives the order. */
export const STEPS: Readonly<Record<StepId, StepDefinition>> = {
  queue: queueStep,
  queuePolicy: queuePolicyStep,
  bucketNotification: bucketNotificationStep,
  roleTrust: roleTrustStep,
  rolePermissions: rolePermissionsStep,
};
