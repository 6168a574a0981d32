import { useCallback, useLayoutEffect, useRef } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/api-contract';
import type { StepPlan, StepResult } from '../../../shared/steps/step-plan';
import { useOperation, type OperationState } from '../api/use-operation';

/** Channels that plan one change (read only) and channels that make a planned change through the guarded write. */
export type PlanChannel = 'steps.plan' | 'backups.planRestore';
export type ApplyChannel = 'steps.apply' | 'backups.restore';

/**
 * Plan, then confirm: `runPlan` reads the live document and builds the diff (clearing an earlier result), and
 * `confirm` sends the plan's basis with the write, so the back end refuses when the live document changed since.
 * Every screen that writes uses it with PlannedChange (apply of a step, restore of a backup).
 */
export function usePlannedChange<P extends PlanChannel, A extends ApplyChannel>(
  planChannel: P,
  planInput: ChannelInput<P>,
  applyChannel: A,
  applyInput: (basis: string) => ChannelInput<A>,
): PlannedChangeState<ChannelOutput<P>> {
  const plan = useOperation(planChannel);
  const apply = useOperation(applyChannel);
  // The latest inputs, kept after each render so runPlan and confirm stay the same functions (effects depend on them).
  const inputs = useRef({ planInput, applyInput });
  useLayoutEffect(() => {
    inputs.current = { planInput, applyInput };
  });
  const { run: runPlanOp } = plan;
  const { run: runApplyOp, reset: resetApply } = apply;
  const basis = plan.value?.basis ?? null;

  const runPlan = useCallback(async () => {
    resetApply();
    return runPlanOp(inputs.current.planInput);
  }, [resetApply, runPlanOp]);

  const confirm = useCallback(async () => (basis === null ? null : runApplyOp(inputs.current.applyInput(basis))), [basis, runApplyOp]);

  return { plan, apply, busy: plan.loading || apply.loading, runPlan, confirm };
}

/** One call's state as a planned change shows it, with its Cancel. */
export type OperationView<T> = OperationState<T> & { readonly cancel: () => void };

/** What usePlannedChange returns: both calls' state (the plan as its channel gives it: a step's or a restore's), whether either runs, and the two actions. */
export interface PlannedChangeState<Plan extends StepPlan = StepPlan> {
  readonly plan: OperationView<Plan>;
  readonly apply: OperationView<StepResult>;
  readonly busy: boolean;
  readonly runPlan: () => Promise<Plan | null>;
  readonly confirm: () => Promise<StepResult | null>;
}
