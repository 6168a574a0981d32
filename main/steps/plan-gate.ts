import { ApiFailure } from '../../shared/contract/api-error';
import { AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';
import { heldByBlockedPlan } from '../../shared/steps/plan-gate';
import { planStep } from './plan-step';
import type { PlanContext } from './step-context';
import { STEP_DEFINITIONS } from './step-registry';

/**
 * Plans every other step of the setup against the live account and refuses to apply `step` while any of them is
 * blocked (shared/steps/plan-gate.ts), so no front end can apply one step around another's blocker; the step itself
 * is decided again by its guarded write.
 */
export async function assertNoOtherStepBlocked(step: AwsStepId, ctx: PlanContext): Promise<void> {
  const others = await Promise.all(AWS_STEP_IDS.filter((id) => id !== step).map((id) => planStep(STEP_DEFINITIONS[id], ctx)));
  const held = heldByBlockedPlan(step, others);
  if (held) throw new ApiFailure(held);
}
