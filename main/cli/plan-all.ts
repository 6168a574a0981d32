import { AWS_STEP_IDS } from '../../shared/steps/aws-steps';
import type { Setup } from '../../shared/setup/setup';
import type { StepPlan } from '../../shared/steps/step-plan';
import type { CliCall } from './cli-api';

/** Plans every step; the reads are independent, so they run concurrently (results kept in step order). */
export async function planAll(call: CliCall, setup: Setup): Promise<ReadonlyArray<StepPlan>> {
  return Promise.all(AWS_STEP_IDS.map((step) => call('steps.plan', { setup, step })));
}
