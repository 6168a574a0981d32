import type { ChannelParsed } from '../../shared/contract/api-contract';
import { ApiFailure } from '../../shared/contract/api-error';
import { APPLY_CHAINS, AWS_STEP_IDS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { AppliedRun, PlanChoices, PlannedRun, RemovalPlan, StepPlan, StepResult } from '../../shared/steps/step-plan';
import { applyStep } from '../steps/apply-step';
import { planContextFor, readNeighbourhood, type EarlierRead } from '../steps/neighbourhood';
import { assertNoOtherStepBlocked, CLEAR_PLAN_STANDS_MS, planKey } from '../steps/plan-gate';
import { planSetup } from '../steps/plan-setup';
import { prefetchReads } from '../steps/prefetch-reads';
import { planStep } from '../steps/plan-step';
import { planRemoval, REMOVAL_ORDER, removeStep } from '../steps/remove-setup';
import type { PlanContext } from '../steps/step-context';
import { STEP_DEFINITIONS } from '../steps/step-registry';
import { saveSetup } from '../store/setups';
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
  const sctx = stepContextOf(input.setup, ctx);
  prefetchReads(sctx, AWS_STEP_IDS);
  const pctx = await planContextFor(sctx, choicesOf(input));
  const plans = await planSetup(pctx);
  if (plans.every((p) => p.blocked === null)) ctx.workspace.rememberClearPlan(planKey(pctx));
  return plans;
}

/**
 * steps.apply: one confirmed step, only while no other step of the setup is blocked (the whole plan before the first
 * write, whichever front end calls), guarded by the plan's basis; records ids and ownership on the saved setup.
 */
export async function applyStepHandler(input: ChannelParsed<'steps.apply'>, ctx: HandlerContext): Promise<StepResult> {
  return applyConfirmed(await planContextFor(stepContextOf(input.setup, ctx), choicesOf(input)), input.step, input.basis, ctx);
}

/** One confirmed step within the plan gate, through its guarded write, recorded on the saved setup. */
async function applyConfirmed(pctx: PlanContext, step: AwsStepId, basis: string, ctx: HandlerContext): Promise<StepResult> {
  const key = planKey(pctx);
  await assertNoOtherStepBlocked(step, pctx, {
    fresh: ctx.workspace.clearPlanIsFresh(key, CLEAR_PLAN_STANDS_MS),
    remember: () => ctx.workspace.rememberClearPlan(key),
  });
  const def = STEP_DEFINITIONS[step];
  const result = await applyStep(def, pctx, basis);
  await markApplied(pctx, def, result);
  return result;
}

/**
 * steps.applyAll: the confirmed plans of a run (the CLI's apply) as one operation, its chains side by side
 * (APPLY_CHAINS: the queue's, ending with the bucket notification, in the guide's order; the role's). Before each step the
 * neighbourhood is read again as steps.apply reads it, except the parts of the account no write of the chain can have
 * changed since its last read (StepDefinition.changesNeighbourhood); the saved setups are read every time. Each step's
 * own resource is re-read, checked against its basis, backed up, written and read back by its guarded write. The first
 * failure stops every chain before its next step.
 */
export async function applyAllHandler(input: ChannelParsed<'steps.applyAll'>, ctx: HandlerContext): Promise<AppliedRun> {
  const sctx = stepContextOf(input.setup, ctx);
  const basisOf = new Map(input.plans.map((p) => [p.step, p.basis]));
  const results = new Map<AwsStepId, StepResult>();
  let failed: AppliedRun['failed'] = null;
  // An unexpected error stops the other chains too, and is thrown once they have stopped.
  let broken: { readonly error: unknown } | null = null;
  const runChain = async (chain: ReadonlyArray<AwsStepId>): Promise<void> => {
    let earlier: EarlierRead | undefined;
    for (const step of chain) {
      const basis = basisOf.get(step);
      if (basis === undefined) continue;
      if (failed || broken) return;
      try {
        prefetchReads(sctx, [step], earlier?.neighbourhood);
        const neighbourhood = await readNeighbourhood(sctx, earlier);
        if (failed || broken) return;
        const result = await applyConfirmed({ ...sctx, neighbourhood, choices: choicesOf(input) }, step, basis, ctx);
        results.set(step, result);
        earlier = { neighbourhood, stale: result.action === 'unchanged' ? [] : STEP_DEFINITIONS[step].changesNeighbourhood };
      } catch (err) {
        if (err instanceof ApiFailure) failed ??= { step, error: err.error };
        else broken ??= { error: err };
        return;
      }
    }
  };
  await Promise.all(APPLY_CHAINS.map(runChain));
  if (broken) throw (broken as { readonly error: unknown }).error;
  return { results: AWS_STEP_IDS.flatMap((id) => results.get(id) ?? []), failed };
}

/**
 * steps.planApplyAll: `apply --yes`, confirmed before it starts, as one operation: the whole plan before the first
 * write, as steps.planAll makes it; then, only when no step is blocked, the setup saved (as setups.save saves a setup
 * file) and the plans applied as steps.applyAll applies confirmed ones. Within the one operation, the run's first
 * neighbourhood read and guarded re-reads are answered by the plan's reads (main/aws/operation-reads.ts): nothing was
 * written in between, and no one was asked anything.
 */
export async function planApplyAllHandler(input: ChannelParsed<'steps.planApplyAll'>, ctx: HandlerContext): Promise<PlannedRun> {
  const plans = await planAllHandler(input, ctx);
  if (plans.some((p) => p.blocked !== null)) return { plans, run: null };
  ctx.progress(`Planned ${plans.length} steps, none blocked: saving the setup and applying them`);
  await saveSetup(ctx.workspace.dataDir(), input.setup);
  const run = await applyAllHandler({ ...input, plans: plans.map((p) => ({ step: p.step, basis: p.basis })) }, ctx);
  return { plans, run };
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
