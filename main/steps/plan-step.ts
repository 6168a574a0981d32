import { diffDocuments } from '../../shared/diff/diff-documents';
import { AWS_STEPS } from '../../shared/steps/aws-steps';
import type { StepPlan } from '../../shared/steps/step-plan';
import { basisOf } from './plan-basis';
import type { PlanContext } from './step-context';
import type { StepDefinition } from './step-definition';
import { readForPlan, unreadablePlan } from './read-for-plan';

/** Plans one step: read live -> propose (shared) -> diff (shared). Writes nothing; a refusal is a 'blocked' plan. */
export async function planStep<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext): Promise<StepPlan> {
  const title = AWS_STEPS[def.id].title;
  const resource = def.resource(ctx);
  const read = await readForPlan(def, ctx, resource);
  if ('blocked' in read) return unreadablePlan(def.id, title, resource, read.blocked);
  const { live } = read;
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
