import { ApiFailure } from '../../shared/contract/api-error';
import { diffDocuments } from '../../shared/diff/diff-documents';
import { AWS_STEPS } from '../../shared/steps/aws-steps';
import type { StepPlan } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import { basisOf } from './plan-basis';
import type { PlanContext } from './step-context';
import type { LiveState, StepDefinition } from './step-definition';

/** Plans one step: read live -> propose (shared) -> diff (shared). Writes nothing; a refusal is a 'blocked' plan. */
export async function planStep<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext): Promise<StepPlan> {
  const title = AWS_STEPS[def.id].title;
  const resource = def.resource(ctx);
  let live: LiveState<Doc, Facts>;
  try {
    live = await def.read(ctx, resource);
  } catch (err) {
    if (!(err instanceof ApiFailure) && ctx.signal.aborted) throw err;
    const blocked = toApiError(err, { endpoint: null });
    return {
      step: def.id,
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
  const proposal = def.propose(live, ctx);
  const basis = basisOf(live.document);
  if (!proposal.ok) {
    // Still blocked and never writable (proposed stays null, apply proposes again and refuses); a draft only shows our part in the diff.
    const draft = proposal.draft;
    return {
      step: def.id,
      title,
      resource: live.resource,
      action: 'blocked',
      current: live.document,
      proposed: null,
      summary: [],
      diff: diffDocuments(live.document, draft === undefined ? live.document : draft),
      basis,
      warnings: [],
      notes: [],
      blocked: proposal.error,
      ...(proposal.staleRules ? { staleRules: proposal.staleRules } : {}),
      ...(draft === undefined ? {} : { draft: true }),
    };
  }
  return {
    step: def.id,
    title,
    resource: live.resource,
    // A step with nothing to write has no document either (the KMS key policy of a queue without a customer managed key).
    action: !proposal.changed ? 'unchanged' : live.document === null ? 'create' : 'update',
    current: live.document,
    proposed: proposal.document,
    summary: proposal.summary,
    diff: diffDocuments(live.document, proposal.document),
    basis,
    warnings: proposal.warnings,
    notes: proposal.notes,
    blocked: null,
    ...(proposal.staleRules ? { staleRules: proposal.staleRules } : {}),
  };
}
