import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/contract/setup-record';
import { PlannedChange } from '../changes/planned-change';
import { usePlannedChange } from '../changes/use-planned-change';
import { PanelHeading } from '../components/panel-heading';
import { OwnPartNotice } from './own-part-notice';
import { LocalTime } from '../components/local-time';

/** Props of the restore panel. */
export interface RestorePanelProps {
  readonly entry: BackupEntry;
  readonly onRestored: () => void;
  /** Diagnostics of the setup whose backup this is, suggested once the restore is written. */
  readonly onDiagnostics?: () => void;
}

/**
 * Restoring one backup: the diff of the live document against the backup first (writes nothing), then, on the
 * admin's click, the back end backs up the live document, writes the backup's, and reads it back. When the backup as
 * it is would take out the setup's own statement or rule, it says so and offers to keep ours; the panel's heading
 * takes the focus when it opens.
 */
export function RestorePanel({ entry, onRestored, onDiagnostics }: RestorePanelProps) {
  const [keepOurs, setKeepOurs] = useState(false);
  const change = usePlannedChange('backups.planRestore', { path: entry.path, keepOurs }, 'backups.restore', (basis) => ({ path: entry.path, basis, keepOurs }));
  const { runPlan, apply } = change;
  const plan = change.plan.value;

  useEffect(() => {
    void runPlan();
  }, [runPlan, entry.path, keepOurs]);

  useEffect(() => {
    if (apply.value) onRestored();
  }, [apply.value, onRestored]);

  return (
    <section aria-labelledby="restore-title" className="panel restore" data-testid="restore-panel" aria-busy={change.busy}>
      <PanelHeading id="restore-title">
        Restore {entry.kind} from <LocalTime iso={entry.takenAt} />
      </PanelHeading>
      <p className="muted">
        Backup file <code>{entry.file}</code>
      </p>
      {plan && !apply.value && !change.busy ? <OwnPartNotice plan={plan} onKeepOurs={setKeepOurs} /> : null}
      <PlannedChange
        change={change}
        onPlan={() => void runPlan()}
        idPrefix="restore"
        currentLabel="Current (live)"
        proposedLabel={keepOurs ? 'Backup, keeping ours' : 'Backup'}
        confirmTestId="restore-button"
        confirmLabel={() => (keepOurs ? "Restore the others' parts, keep ours" : 'Restore this backup')}
        sentence={(value) =>
          `Restoring writes ${keepOurs ? "the backup's document with this setup's part kept" : "the backup's document"} to ${value.resource}. The live document is backed up first; if it changed since this diff was made, nothing is written; the result is read back and compared.`
        }
        unchangedText="The live document already matches this backup: there is nothing to restore."
        afterApply={
          onDiagnostics ? (
            <div className="banner ok" data-testid="restore-next">
              <p>Run the diagnostics next: they check that the bucket&apos;s events still reach the platform with the restored document.</p>
              <div className="actions">
                <button type="button" onClick={onDiagnostics} data-testid="restore-run-diagnostics">
                  Run diagnostics
                </button>
              </div>
            </div>
          ) : undefined
        }
      />
    </section>
  );
}
