import { ApiFailure, type ApiError } from '../../shared/contract/api-error';
import type { AwsStepId } from '../../shared/steps/aws-steps';
import type { StepPlan } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import type { PlanContext } from './step-context';
import { readLive, type LiveState, type StepDefinition } from './step-definition';

/** A step's live state for a plan, or the error that blocks the plan when it cannot be read (Cancel still throws). */
export async function readForPlan<Doc, Facts>(
  def: StepDefinition<Doc, Facts>,
  ctx: PlanContext,
  resource: string,
): Promise<{ readonly live: LiveState<Doc, Facts> } | { readonly blocked: ApiError }> {
  try {
    return { live: await readLive(def, ctx, resource) };
  } catch (err) {
    if (!(err instanceof ApiFailure) && ctx.signal.aborted) throw err;
    return { blocked: toApiError(err, { endpoint: null }) };
  }
}

/** The plan of a step whose resource could not be read: blocked by that error, with nothing to compare or write. */
export function unreadablePlan(step: AwsStepId, title: string, resource: string, blocked: ApiError): StepPlan {
  return {
    step,
    title,
    resource,
    action: 'blocked',
    current: null,
    proposed: null,
    summary: [],
    diff: { lines: [], unified: '' },
    basis: 'unknown',
    warnings: [],
    notes: [],
    blocked,
  };
}
