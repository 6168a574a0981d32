import { UNKNOWN_NEIGHBOURHOOD, type Neighbourhood } from '../../shared/neighbours/neighbourhood';
import type { AwsStepId } from '../../shared/steps/aws-steps';
import { NO_CHOICES, type PlanContext, type StepContext } from './step-context';
import { readLive } from './step-definition';
import { STEP_DEFINITIONS } from './step-registry';

/**
 * Starts the reads of `steps` while the neighbourhood is still being read, with the neighbourhood known so far
 * (`known`): a step's resource rarely depends on the neighbourhood (a shared role's per-setup policy name does), and
 * within one operation the step's real read of the same resource is then answered by this one
 * (main/aws/operation-reads.ts). Reads only, silent; what they find is never used but through that sharing, and a
 * failure is left for the real read to report.
 */
export function prefetchReads(ctx: StepContext, steps: ReadonlyArray<AwsStepId>, known: Neighbourhood = UNKNOWN_NEIGHBOURHOOD): void {
  const quiet: PlanContext = { ...ctx, neighbourhood: known, choices: NO_CHOICES, progress: () => undefined };
  for (const id of steps) {
    const def = STEP_DEFINITIONS[id];
    void Promise.resolve()
      .then(() => readLive(def, quiet, def.resource(quiet)))
      .catch(() => undefined);
  }
}
