import { ApiFailure } from '../../shared/contract/api-error';
import { AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';
import { heldByBlockedPlan } from '../../shared/steps/plan-gate';
import { planStep } from './plan-step';
import type { PlanContext } from './step-context';
import { STEP_DEFINITIONS } from './step-registry';

/**
 * How long a whole plan found free of blockers stands for the gate: an apply run (the CLI's, or a GUI run through the
 * steps) is not re-planned before every step, while a plan older than this is made again. Each step is still decided
 * again on its fresh read by its own guarded write.
 */
export const CLEAR_PLAN_STANDS_MS = 60_000;

/** The key of a setup's plan in a workspace: the setup as planned, in the connected account. */
export function planKey(ctx: PlanContext): string {
  return `${ctx.accountId} ${JSON.stringify(ctx.setup)} ${JSON.stringify(ctx.choices)}`;
}

/**
 * Refuses to apply `step` while any other step of the setup is blocked (shared/steps/plan-gate.ts), so no front end
 * can apply one step around another's blocker: every other step is planned against the live account, unless the
 * whole plan was found clear within CLEAR_PLAN_STANDS_MS (`clear` says so, and is told when it is clear again).
 */
export async function assertNoOtherStepBlocked(
  step: AwsStepId,
  ctx: PlanContext,
  clear: { readonly fresh: boolean; readonly remember: () => void } = { fresh: false, remember: () => undefined },
): Promise<void> {
  if (clear.fresh) return;
  const others = await Promise.all(AWS_STEP_IDS.filter((id) => id !== step).map((id) => planStep(STEP_DEFINITIONS[id], ctx)));
  const held = heldByBlockedPlan(step, others);
  if (held) throw new ApiFailure(held);
  clear.remember();
}
