import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { StepPlan, StepResult } from '../../shared/steps/step-plan';
import { applyStep } from '../steps/apply-step';
import { planStep } from '../steps/plan-step';
import { STEP_DEFINITIONS } from '../steps/step-registry';
import { markApplied } from './setup-status';
import type { HandlerContext } from './handler-context';
import { stepContextOf } from './operation-context';

/** steps.plan: one step's plan against the live account; writes nothing. */
export async function planStepHandler(input: ChannelParsed<'steps.plan'>, ctx: HandlerContext): Promise<StepPlan> {
  return planStep(STEP_DEFINITIONS[input.step], stepContextOf(input.setup, ctx));
}

/** steps.apply: one confirmed step, guarded by the plan's basis; records ids on the saved setup. */
export async function applyStepHandler(input: ChannelParsed<'steps.apply'>, ctx: HandlerContext): Promise<StepResult> {
  const sctx = stepContextOf(input.setup, ctx);
  const result = await applyStep(STEP_DEFINITIONS[input.step], sctx, input.basis);
  await markApplied(sctx, result);
  return result;
}
