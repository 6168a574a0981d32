import type { ApiError } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import { ResolveWithFanOut } from './resolve-with-fan-out';

/** Blockers the scope can fix (another queue or role name, the Region, a prefix apart from an overlapping rule); the others are fixed at their step or outside the wizard. */
const SCOPE_CODES: ReadonlySet<string> = new Set(['CONFLICT', 'NOT_FOUND']);

/** The ways out of a blocker, side by side: Edit scope (when the scope can fix it), the SNS fan-out (for an overlap), and the blocked step itself from the review. */
export function BlockerActions({
  setup,
  blocked,
  onSetupChanged,
  onEditScope,
  onOpenStep,
}: {
  readonly setup: Setup;
  readonly blocked: ApiError;
  readonly onSetupChanged: (setup: Setup) => void;
  readonly onEditScope?: () => void;
  /** From the review: open the blocked step, with its diff. */
  readonly onOpenStep?: () => void;
}) {
  // Another team's stale rule is removed by the admin's choice on the bucket notification step, never by another scope.
  const staleRules = blocked.resolutions?.includes('remove-stale-rules') === true;
  return (
    <div className="blocker-actions" data-testid="blocker-actions">
      {onEditScope && SCOPE_CODES.has(blocked.code) && !staleRules ? (
        <button type="button" onClick={onEditScope} data-testid="edit-scope">
          Edit scope
        </button>
      ) : null}
      <ResolveWithFanOut setup={setup} blocked={blocked} onChosen={onSetupChanged} />
      {onOpenStep ? (
        <button type="button" className={staleRules ? undefined : 'secondary'} onClick={onOpenStep} data-testid="open-step">
          Open that step
        </button>
      ) : null}
    </div>
  );
}
