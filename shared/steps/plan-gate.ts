import { apiError, type ApiError } from '../contract/api-error';
import { countOf } from '../util/count-of';
import { AWS_STEPS, type AwsStepId } from './aws-steps';
import type { StepPlan } from './step-plan';

/**
 * The rule of the whole plan before the first write (README, "Guided apply"): while any step of the setup is blocked,
 * no step may be applied, from any front end, so a setup is never left half-applied around a blocker. The refusal of
 * applying `step` given the other steps' fresh plans, or null when none of them is blocked.
 */
export function heldByBlockedPlan(step: AwsStepId, plans: ReadonlyArray<StepPlan>): ApiError | null {
  const blocked = plans.filter((p) => p.step !== step && p.blocked !== null);
  const first = blocked[0];
  if (!first) return null;
  const titles = blocked.map((p) => p.title).join(', ');
  return apiError(
    'BLOCKED',
    `${AWS_STEPS[step].title} was not applied: ${countOf(blocked.length, 'other step')} of this setup ${blocked.length === 1 ? 'is' : 'are'} blocked (${titles}), and no step is applied while the plan has a blocker. ${first.title}: ${first.blocked?.message ?? ''}`.trim(),
    { fix: `Resolve ${titles} first (the review of the plan shows how: Edit scope, or Open that step), then plan again.` },
  );
}
