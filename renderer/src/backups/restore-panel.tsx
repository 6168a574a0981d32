import { useCallback, useEffect } from 'react';
import type { BackupEntry } from '../../../shared/contract/setup-record';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { ProgressLine } from '../components/progress-line';
import { ApplyResult } from '../steps/apply-result';
import { PlanView } from '../steps/plan-view';

/**
 * Restoring one backup: the diff of the live document against the backup first (writes nothing), then, on the
 * admin's click, the back end backs up the live document, writes the backup's, and reads it back.
 */
export function RestorePanel({ entry, onRestored, onBusy }: { readonly entry: BackupEntry; readonly onRestored: () => void; readonly onBusy: (busy: boolean) => void }) {
  const plan = useOperation('backups.planRestore');
  const restore = useOperation('backups.restore');
  const busy = plan.loading || restore.loading;
  const { run: runPlanOp } = plan;
  const { reset: resetRestore } = restore;

  const runPlan = useCallback(() => {
    resetRestore();
    void runPlanOp({ path: entry.path });
  }, [resetRestore, runPlanOp, entry.path]);

  useEffect(() => runPlan(), [runPlan]);
  useEffect(() => onBusy(busy), [busy, onBusy]);

  async function confirm() {
    if (!plan.value) return;
    const result = await restore.run({ path: entry.path, basis: plan.value.basis });
    if (result) onRestored();
  }

  const value = plan.value;
  return (
    <section aria-labelledby="restore-title" className="panel restore" data-testid="restore-panel" aria-busy={busy}>
      <h3 id="restore-title">
        Restore {entry.kind} from {entry.takenAt}
      </h3>
      <p className="muted">
        Backup file <code>{entry.file}</code>
      </p>
      {plan.loading ? <ProgressLine message={plan.progress ?? 'Reading the live document'} elapsedMs={plan.elapsedMs} onCancel={plan.cancel} /> : null}
      {plan.error ? <ErrorBanner error={plan.error} /> : null}
      {value ? <PlanView plan={value} currentLabel="Current (live)" proposedLabel="Backup" /> : null}
      {restore.value ? <ApplyResult result={restore.value} /> : null}
      {value && !restore.value ? (
        <div className="confirm">
          {value.action === 'unchanged' ? (
            <p>The live document already matches this backup: there is nothing to restore.</p>
          ) : (
            <p id="restore-note">
              Restoring writes the backup&apos;s document to <code>{value.resource}</code>. The live document is backed up first; if it changed
              since this diff was made, nothing is written; the result is read back and compared.
            </p>
          )}
          {restore.loading ? <ProgressLine message={restore.progress ?? 'Restoring'} elapsedMs={restore.elapsedMs} onCancel={restore.cancel} /> : null}
          {restore.error ? <ErrorBanner error={restore.error} /> : null}
          <div className="actions">
            {value.action !== 'unchanged' ? (
              <button type="button" data-testid="restore-button" onClick={() => void confirm()} disabled={busy || restore.error !== null} aria-describedby="restore-note">
                Restore this backup
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={runPlan} disabled={busy}>
              Plan again
            </button>
          </div>
        </div>
      ) : null}
      {plan.error ? (
        <div className="actions">
          <button type="button" onClick={runPlan} disabled={busy}>
            Plan again
          </button>
        </div>
      ) : null}
    </section>
  );
}
