import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import type { StepPlan } from '../../shared/steps/step-plan';
import { planStep } from './plan-step';
import type { PlanContext } from './step-context';
import { STEP_DEFINITIONS } from './step-registry';

/**
 * The whole setup's plan before any write: every AWS step planned against the live account with one neighbourhood
 * (the reads are independent, so they run concurrently; plans come back in step order). Blocked steps say why.
 */
export async function planSetup(ctx: PlanContext): Promise<ReadonlyArray<StepPlan>> {
  return Promise.all(AWS_STEP_IDS.map((id) => planStep(STEP_DEFINITIONS[id], ctx)));
}
