import { useCallback, useEffect, useState } from 'react';
import type { SetupRecord } from '../../../shared/contract/setup-record';
import type { StepResult } from '../../../shared/steps/step-plan';
import { countOf } from '../../../shared/util/count-of';
import { useConnection } from '../api/connection-context';
import { useOperation } from '../api/use-operation';
import { ApplyResult } from '../changes/apply-result';
import { DriftBanner, isDrift } from '../changes/drift-banner';
import { PlanView } from '../changes/plan-view';
import { ConnectFirst } from '../components/connect-first';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';

/**
 * "Remove from AWS" on a saved setup: the plan of every document first (only what the setup owns: its rule, its
 * statements, its inline policy; the queue and role only when it created them and nothing else uses them), then, on
 * the admin's click, each document through the guarded write in order. Anyone else's configuration stays as it is.
 */
export function RemoveView({ record, onDone }: { readonly record: SetupRecord; readonly onDone: () => void }) {
  const { connection } = useConnection();
  const setup = record.setup;
  const plan = useOperation('remove.plan');
  const apply = useOperation('remove.apply');
  const [deleteQueueWithMessages, setDeleteQueueWithMessages] = useState(false);
  const [results, setResults] = useState<ReadonlyArray<StepResult>>([]);
  const [finished, setFinished] = useState(false);
  const { run: runPlan } = plan;
  const { run: runApply, reset: resetApply } = apply;

  const requestPlan = useCallback((withMessages: boolean) => void runPlan({ setup, deleteQueueWithMessages: withMessages }), [runPlan, setup]);

  useEffect(() => {
    if (connection) requestPlan(false);
  }, [connection, requestPlan]);

  /** Plans again from a click (Plan again, the messages question): earlier results are cleared first. */
  function planRemoval(withMessages: boolean) {
    setResults([]);
    setFinished(false);
    resetApply();
    requestPlan(withMessages);
  }

  async function removeAll() {
    const plans = plan.value ?? [];
    const done: StepResult[] = [];
    for (const p of plans) {
      // Unchanged documents go through the guarded write too: re-read, nothing written; the last one marks the setup removed.
      const result = await runApply({ setup, step: p.step, basis: p.basis, deleteQueueWithMessages });
      if (!result) return;
      done.push(result);
      setResults([...done]);
    }
    setFinished(true);
  }

  const plans = plan.value ?? [];
  const blocked = plans.filter((p) => p.blocked);
  const writes = plans.filter((p) => p.action !== 'unchanged' && p.action !== 'blocked');
  const choice = plans.find((p) => p.choice)?.choice ?? null;
  const running = plan.loading || apply.loading;
  const failure = apply.error;

  return (
    <main className="content" id="main">
      <section aria-labelledby="remove-title" className="panel" data-testid="remove-view" aria-busy={running}>
        <PanelHeading id="remove-title">Remove {setup.name} from AWS</PanelHeading>
        <p>
          Takes out exactly what this setup owns: its bucket notification rule, its queue policy statement, its inline policy and its trust statements; the
          queue and the role only when this setup created them and nothing else uses them (a queue whose policy holds anyone else&apos;s statement is kept).
          When the role trust policy says &quot;will be deleted&quot;, the whole role is deleted, not only its trust policy. Every other rule, statement and
          policy stays as it is. Each change is backed up first and guarded like an apply.
        </p>
        {plan.loading ? <ProgressLine message={plan.progress ?? 'Planning the removal'} elapsedMs={plan.elapsedMs} onCancel={plan.cancel} /> : null}
        {plan.error ? <ErrorBanner error={plan.error} /> : null}
        {plans.map((p) => (
          <article key={p.step} className="review-item" data-testid={`remove-${p.step}`} data-action={p.action}>
            <h3>{p.title}</h3>
            <PlanView plan={p} idPrefix={`remove-${p.step}`} proposedLabel="After the removal" result={results.find((r) => r.step === p.step) ?? null} />
            {results.find((r) => r.step === p.step && r.action !== 'unchanged') ? (
              <ApplyResult result={results.find((r) => r.step === p.step) as StepResult} />
            ) : null}
          </article>
        ))}
        {choice ? (
          <div className="form-wide checkbox">
            <input
              type="checkbox"
              id="delete-queue-with-messages"
              checked={deleteQueueWithMessages}
              disabled={running || finished}
              onChange={(e) => {
                setDeleteQueueWithMessages(e.target.checked);
                planRemoval(e.target.checked);
              }}
            />
            <label htmlFor="delete-queue-with-messages">{choice.question}</label>
          </div>
        ) : null}
        {apply.loading ? <ProgressLine message={apply.progress ?? 'Removing'} elapsedMs={apply.elapsedMs} onCancel={apply.cancel} /> : null}
        {isDrift(failure) ? <DriftBanner error={failure} what="a document of this setup" /> : null}
        {failure && !isDrift(failure) ? <ErrorBanner error={failure} /> : null}
        {finished ? (
          <div className="banner ok" role="status" data-testid="remove-done">
            <p className="banner-title">
              {writes.length === 0
                ? 'Nothing of this setup was left on AWS: no change.'
                : `Removed: ${countOf(writes.length, 'change')} written, each with its backup.`}
            </p>
            <p>The setup stays in the list as removed: it can be applied again, or deleted from the list.</p>
          </div>
        ) : null}
        {plan.value ? (
          <div className="actions">
            {!finished ? (
              <button type="button" data-testid="remove-button" onClick={() => void removeAll()} disabled={running || blocked.length > 0 || failure !== null}>
                {writes.length === 0 ? 'Mark as removed (nothing to change)' : `Remove from AWS (${countOf(writes.length, 'change')})`}
              </button>
            ) : (
              <button type="button" onClick={onDone}>
                Back to the setups
              </button>
            )}
            <button type="button" className="secondary" onClick={() => planRemoval(deleteQueueWithMessages)} disabled={running}>
              Plan again
            </button>
          </div>
        ) : null}
      </section>
      {!connection ? <ConnectFirst reason="Removing reads and writes the live account: connect a profile of the setup's account first." /> : null}
    </main>
  );
}
