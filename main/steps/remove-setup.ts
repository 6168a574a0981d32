import { diffDocuments } from '../../shared/diff/diff-documents';
import { AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { RemovalPlan, StepResult } from '../../shared/steps/step-plan';
import { guardedWrite } from './guarded-write';
import { basisOf } from './plan-basis';
import type { PlanContext } from './step-context';
import { readForPlan, unreadablePlan } from './read-for-plan';
import type { RemovalOptions, StepDefinition } from './step-definition';
import { STEP_DEFINITIONS } from './step-registry';

/**
 * The order a removal writes in: stop the events first (the bucket's rule, or put back the rules a fan-out replaced),
 * then the fan-out (after the rules no longer point at its topic), the queue policy statement, the KMS
 * key policy statement (read through the queue, so before the queue goes), the setup's inline policy (IAM deletes no
 * role with policies), the trust statements or the role, and the queue last.
 */
export const REMOVAL_ORDER: ReadonlyArray<AwsStepId> = [
  'bucketNotification',
  'snsFanOut',
  'queuePolicy',
  'kmsKeyPolicy',
  'rolePermissions',
  'roleTrust',
  'queue',
];

/** Plans what removing the setup does to one step's resource: read live, decide (only its own part), diff. Writes nothing. */
export async function planRemovalStep<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext, options: RemovalOptions): Promise<RemovalPlan> {
  const title = `Remove: ${AWS_STEPS[def.id].title}`;
  const resource = def.resource(ctx);
  const read = await readForPlan(def, ctx, resource);
  if ('blocked' in read) return { ...unreadablePlan(def.id, title, resource, read.blocked), choice: null };
  const { live } = read;
  const basis = basisOf(live.document);
  const base = { step: def.id, title, resource: live.resource, current: live.document, basis, warnings: [] };
  const removal = def.proposeRemoval(live, ctx, options);
  switch (removal.kind) {
    case 'blocked':
      return {
        ...base,
        action: 'blocked',
        proposed: null,
        summary: [],
        diff: diffDocuments(live.document, live.document),
        notes: [],
        blocked: removal.error,
        choice: null,
      };
    case 'keep':
      return {
        ...base,
        action: 'unchanged',
        proposed: live.document,
        summary: [],
        diff: diffDocuments(live.document, live.document),
        notes: removal.notes,
        blocked: null,
        choice: removal.choice ?? null,
      };
    case 'write':
      return {
        ...base,
        action: removal.document === null ? 'delete' : 'update',
        proposed: removal.document,
        summary: removal.summary,
        diff: diffDocuments(live.document, removal.document),
        notes: removal.notes,
        warnings: removal.warnings ?? [],
        blocked: null,
        choice: null,
      };
  }
}

/** The whole removal's plan, every document in REMOVAL_ORDER, before any write. */
export async function planRemoval(ctx: PlanContext, options: RemovalOptions): Promise<ReadonlyArray<RemovalPlan>> {
  return Promise.all(REMOVAL_ORDER.map((id) => planRemovalStep(STEP_DEFINITIONS[id], ctx, options)));
}

/**
 * Removes the setup's part of one resource through the guarded write: on the fresh read the removal is decided again
 * (nothing left of ours: no change), and the read-back must show nothing more to remove.
 */
export async function removeStep<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext, basis: string, options: RemovalOptions): Promise<StepResult> {
  return guardedWrite(
    {
      definition: def,
      resource: def.resource(ctx),
      basis,
      planName: 'removal plan',
      planContext: ctx,
      decide: (live) => {
        const removal = def.proposeRemoval(live, ctx, options);
        if (removal.kind === 'blocked') return { kind: 'refused', error: removal.error };
        return removal.kind === 'keep' ? { kind: 'unchanged' } : { kind: 'write', document: removal.document };
      },
      verify: (after, written) => (written === null && def.deletionIsEventual === true) || def.proposeRemoval(after, ctx, options).kind === 'keep',
      record: { backupRoot: ctx.backupRoot, setupName: ctx.setup.name, auditStep: `remove:${def.id}` },
    },
    ctx,
  );
}
