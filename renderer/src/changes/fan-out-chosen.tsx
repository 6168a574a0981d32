import type { Setup } from '../../../shared/setup/setup';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';

/** The setup without the SNS fan-out choice: an overlapping rule is a blocker again. */
function withoutFanOut(setup: Setup): Setup {
  const { overlapResolution: _chosen, ...rest } = setup;
  return rest;
}

/**
 * Says that this setup resolves an overlap with an SNS fan-out (the admin's earlier choice, saved with the setup) and
 * offers to plan without it again: a choice that changes what is written is never one-way before it is applied.
 */
export function FanOutChosen({ setup, onChanged }: { readonly setup: Setup; readonly onChanged: (setup: Setup) => void }) {
  const save = useOperation('setups.save');
  if (setup.overlapResolution !== 'fan-out') return null;
  const undo = async () => {
    const plain = withoutFanOut(setup);
    if (await save.run({ setup: plain, editing: setup.name })) onChanged(plain);
  };
  return (
    <div className="banner" data-testid="fan-out-chosen">
      <p>
        This setup resolves an overlapping rule with an SNS fan-out (your choice, saved with the setup): the plan below includes the topic and its
        subscriptions.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void undo()} disabled={save.loading} data-testid="undo-fan-out">
          Plan without the fan-out
        </button>
      </div>
      {save.error ? <ErrorBanner error={save.error} /> : null}
    </div>
  );
}
