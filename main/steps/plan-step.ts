import { ApiFailure } from '../../shared/contract/api-error';
import { diffDocuments } from '../../shared/diff/diff-documents';
import { fingerprint } from '../../shared/diff/fingerprint';
import { STEP_TITLES } from '../../shared/steps/step-ids';
import type { StepPlan } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import type { StepContext } from './step-context';
import type { LiveState, StepDefinition } from './step-definition';

/** The basis of a plan: the fingerprint of the live document it was made from ('absent' when there was none). */
export function basisOf(document: unknown): string {
  return document === null || document === undefined ? 'absent' : fingerprint(document);
}

/** Plans one step: read live -> propose (shared) -> diff (shared). Writes nothing; a refusal is a 'blocked' plan. */
export async function planStep(def: StepDefinition, ctx: StepContext): Promise<StepPlan> {
  const title = STEP_TITLES[def.id];
  let live: LiveState;
  try {
    live = await def.read(ctx);
  } catch (err) {
    if (!(err instanceof ApiFailure) && ctx.signal.aborted) throw err;
    return blockedPlan(def, ctx, err);
  }
  const proposal = def.propose(live, ctx);
  const basis = basisOf(live.document);
  if (!proposal.ok) {
    return { step: def.id, title, resource: live.resource, action: 'blocked', current: live.document, proposed: null, summary: [], diff: diffDocuments(live.document, live.document), basis, warnings: [], notes: [], blocked: proposal.error };
  }
  const action = live.document === null ? 'create' : proposal.changed ? 'update' : 'unchanged';
  return {
    step: def.id,
    title,
    resource: live.resource,
    action,
    current: live.document,
    proposed: proposal.document,
    summary: proposal.summary,
    diff: diffDocuments(live.document, proposal.document),
    basis,
    warnings: proposal.warnings,
    notes: proposal.notes,
    blocked: null,
  };
}

function blockedPlan(def: StepDefinition, ctx: StepContext, err: unknown): StepPlan {
  const error = toApiError(err, { endpoint: null });
  return {
    step: def.id,
    title: STEP_TITLES[def.id],
    resource: def.id === 'bucketNotification' ? ctx.bucketArn : def.id === 'roleTrust' || def.id === 'rolePermissions' ? ctx.roleArn : ctx.queueArn,
    action: 'blocked',
    current: null,
    proposed: null,
    summary: [],
    diff: { lines: [], unified: '' },
    basis: 'unknown',
    warnings: [],
    notes: [],
    blocked: error,
  };
}
