import { useEffect } from 'react';
import type { BackupEntry } from '../../../shared/contract/setup-record';
import { PlannedChange } from '../changes/planned-change';
import { usePlannedChange } from '../changes/use-planned-change';

/**
 * Restoring one backup: the diff of the live document against the backup first (writes nothing), then, on the
 * admin's click, the back end backs up the live document, writes the backup's, and reads it back.
 */
export function RestorePanel({ entry, onRestored }: { readonly entry: BackupEntry; readonly onRestored: () => void }) {
  const change = usePlannedChange('backups.planRestore', { path: entry.path }, 'backups.restore', (basis) => ({ path: entry.path, basis }));
  const { runPlan, apply } = change;

  useEffect(() => {
    void runPlan();
  }, [runPlan, entry.path]);

  useEffect(() => {
    if (apply.value) onRestored();
  }, [apply.value, onRestored]);

  return (
    <section aria-labelledby="restore-title" className="panel restore" data-testid="restore-panel" aria-busy={change.busy}>
      <h3 id="restore-title">
        Restore {entry.kind} from {entry.takenAt}
      </h3>
      <p className="muted">
        Backup file <code>{entry.file}</code>
      </p>
      <PlannedChange
        change={change}
        onPlan={() => void runPlan()}
        idPrefix="restore"
        currentLabel="Current (live)"
        proposedLabel="Backup"
        confirmTestId="restore-button"
        confirmLabel={() => 'Restore this backup'}
        sentence={(value) =>
          `Restoring writes the backup's document to ${value.resource}. The live document is backed up first; if it changed since this diff was made, nothing is written; the result is read back and compared.`
        }
        unchangedText="The live document already matches this backup: there is nothing to restore."
      />
    </section>
  );
}
