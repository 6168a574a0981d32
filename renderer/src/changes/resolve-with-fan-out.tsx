import { useId } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';
import type { Setup } from '../../../shared/setup/setup';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';

/** Props of the fan-out offer beside an overlap blocker. */
export interface ResolveWithFanOutProps {
  readonly setup: Setup;
  readonly blocked: ApiError;
  /** The setup with the fan-out chosen, once saved: the screens plan again with it. */
  readonly onChosen: (setup: Setup) => void;
}

/**
 * Offers the wizard's own resolution of an overlapping rule (issue: an overlap must not be a dead end): an SNS topic in
 * front of the bucket, each rule's destination subscribed with a filter reproducing it exactly. Choosing only saves the
 * choice and plans again; every write still comes with its diff, backup and confirmation, step by step.
 */
export function ResolveWithFanOut({ setup, blocked, onChosen }: ResolveWithFanOutProps) {
  const save = useOperation('setups.save');
  const textId = useId();
  if (!blocked.resolutions?.includes('fan-out')) return null;
  const choose = async () => {
    const chosen: Setup = { ...setup, overlapResolution: 'fan-out' };
    const saved = await save.run({ setup: chosen, editing: setup.name });
    if (saved) onChosen(chosen);
  };
  return (
    <div className="fan-out-offer" data-testid="fan-out-offer">
      <button type="button" onClick={() => void choose()} disabled={save.loading} data-testid="resolve-fan-out" aria-describedby={textId}>
        Resolve with an SNS fan-out
      </button>
      <p id={textId} className="fan-out-offer-text">
        Keeps both rules working: one topic receives the bucket&apos;s events for both, and each destination (theirs and this setup&apos;s queue) is subscribed
        with a filter that reproduces its own rule exactly. Nothing is written yet: the review plans the topic, the subscriptions and the new bucket rule, each
        applied with its diff and backup.
      </p>
      {save.error ? <ErrorBanner error={save.error} /> : null}
    </div>
  );
}
