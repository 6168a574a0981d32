import type { StepResult } from '../../shared/steps/step-plan';
import { guardedWrite } from './guarded-write';
import type { PlanContext } from './step-context';
import type { StepDefinition } from './step-definition';

/**
 * Applies one confirmed plan through the guarded write: on the fresh read the step proposes again (a refusal stops
 * it), "no change" writes nothing, and the read-back must propose no further change.
 */
export async function applyStep<Doc, Facts>(def: StepDefinition<Doc, Facts>, ctx: PlanContext, basis: string): Promise<StepResult> {
  return guardedWrite(
    {
      definition: def,
      resource: def.resource(ctx),
      basis,
      planName: 'plan',
      planContext: ctx,
      decide: (live) => {
        const proposal = def.propose(live, ctx);
        if (!proposal.ok) return { kind: 'refused', error: proposal.error };
        return !proposal.changed ? { kind: 'unchanged' } : { kind: 'write', document: proposal.document };
      },
      verify: (after) => {
        const check = def.propose(after, ctx);
        return check.ok && !check.changed;
      },
      record: { backupRoot: ctx.backupRoot, setupName: ctx.setup.name, auditStep: def.id },
      ...(def.afterWrite ? { afterWrite: () => def.afterWrite?.(ctx) ?? Promise.resolve() } : {}),
    },
    ctx,
  );
}
