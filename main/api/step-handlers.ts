import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { PlanChoices, RemovalPlan, StepPlan, StepResult } from '../../shared/steps/step-plan';
import { applyStep } from '../steps/apply-step';
import { planContextFor } from '../steps/neighbourhood';
import { assertNoOtherStepBlocked, CLEAR_PLAN_STANDS_MS, planKey } from '../steps/plan-gate';
import { planSetup } from '../steps/plan-setup';
import { planStep } from '../steps/plan-step';
import { planRemoval, REMOVAL_ORDER, removeStep } from '../steps/remove-setup';
import { STEP_DEFINITIONS } from '../steps/step-registry';
import type { HandlerContext } from './handler-context';
import { stepContextOf } from './operation-context';
import { markApplied, markRemoved } from './setup-status';

/** steps.plan: one step's plan against the live account and the setup's neighbours; writes nothing. */
export async function planStepHandler(input: ChannelParsed<'steps.plan'>, ctx: HandlerContext): Promise<StepPlan> {
  return planStep(STEP_DEFINITIONS[input.step], await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input)));
}

/** The admin's choices a plan or apply carries (the same ones for a plan and its apply). */
function choicesOf(input: { readonly removeStaleRules: ReadonlyArray<string> }): PlanChoices {
  return { removeStaleRules: input.removeStaleRules };
}

/** steps.planAll: the whole setup's plan, before the first write. */
export async function planAllHandler(input: ChannelParsed<'steps.planAll'>, ctx: HandlerContext): Promise<ReadonlyArray<StepPlan>> {
  const pctx = await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input));
  const plans = await planSetup(pctx);
  if (plans.every((p) => p.blocked === null)) ctx.workspace.rememberClearPlan(planKey(pctx));
  return plans;
}

/**
 * steps.apply: one confirmed step, only while no other step of the setup is blocked (the whole plan before the first
 * write, whichever front end calls), guarded by the plan's basis; records ids and ownership on the saved setup.
 */
export async function applyStepHandler(input: ChannelParsed<'steps.apply'>, ctx: HandlerContext): Promise<StepResult> {
  const pctx = await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input));
  const key = planKey(pctx);
  await assertNoOtherStepBlocked(input.step, pctx, {
    fresh: ctx.workspace.clearPlanIsFresh(key, CLEAR_PLAN_STANDS_MS),
    remember: () => ctx.workspace.rememberClearPlan(key),
  });
  const def = STEP_DEFINITIONS[input.step];
  const result = await applyStep(def, pctx, input.basis);
  await markApplied(pctx, def, result);
  return result;
}

/** remove.plan: what removing the setup does to each document, in the order remove writes. */
export async function removePlanHandler(input: ChannelParsed<'remove.plan'>, ctx: HandlerContext): Promise<ReadonlyArray<RemovalPlan>> {
  return planRemoval(await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input)), input);
}

/** remove.apply: one document of a confirmed removal; the last one in REMOVAL_ORDER marks the saved setup removed. */
export async function removeApplyHandler(input: ChannelParsed<'remove.apply'>, ctx: HandlerContext): Promise<StepResult> {
  const pctx = await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input));
  const result = await removeStep(STEP_DEFINITIONS[input.step], pctx, input.basis, input);
  if (input.step === REMOVAL_ORDER.at(-1)) await markRemoved(pctx);
  return result;
}
