import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { StepPlan, StepResult } from '../../shared/steps/step-plan';
import { applyStep } from '../steps/apply-step';
import { planStep } from '../steps/plan-step';
import { stepContext } from '../steps/step-context';
import { STEPS } from '../steps/step-registry';
import { markApplied } from './setup-status';
import type { HandlerContext } from './handler-context';

/** steps.plan: one step's plan against the live account; writes nothing. */
export async function planStepHandler(input: ChannelParsed<'steps.plan'>, ctx: HandlerContext): Promise<StepPlan> {
  return planStep(STEPS[input.step], stepContext(input.setup, ctx));
}

/** steps.apply: one confirmed step, guarded by the plan's basis; records ids on the saved setup. */
export async function applyStepHandler(input: ChannelParsed<'steps.apply'>, ctx: HandlerContext): Promise<StepResult> {
  const sctx = stepContext(input.setup, ctx);
  const result = await applyStep(STEPS[input.step], sctx, input.basis);
  await markApplied(sctx, result);
  return result;
}
