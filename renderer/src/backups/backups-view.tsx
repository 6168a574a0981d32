import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/contract/setup-record';
import { useConnection } from '../api/connection-context';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { ProfileStep } from '../steps/profile-step';
import { BackupTable } from './backup-table';
import { RestorePanel } from './restore-panel';

/** One setup's backups, newest first; Restore shows the diff of the live document against the backup, then asks. */
export function BackupsView({ setupName, onDiagnostics }: { readonly setupName: string; readonly onDiagnostics?: () => void }) {
  const { connection } = useConnection();
  const listing = useOperation('backups.list', { background: true });
  const { run } = listing;
  const [selected, setSelected] = useState<BackupEntry | null>(null);
  const refresh = useCallback(() => void run({ setupName }), [run, setupName]);

  useEffect(() => refresh(), [refresh]);

  return (
    <main className="content" id="main">
      <section aria-labelledby="backups-title" className="panel" data-testid="backups-view">
        <PanelHeading id="backups-title">Backups of {setupName}</PanelHeading>
        <p>Before every change the wizard saves the document it replaces. Restoring one writes it back, after saving the live document as another backup.</p>
        {listing.loading ? <ProgressLine message={listing.progress ?? 'Reading backups'} elapsedMs={listing.elapsedMs} /> : null}
        {listing.error ? <ErrorBanner error={listing.error} /> : null}
        {listing.value ? <BackupTable entries={listing.value} caption="Backups, newest first" onRestore={setSelected} /> : null}
      </section>
      {selected && !connection ? (
        <>
          <p className="banner warn" role="alert">
            Restoring reads and writes the live document: connect a profile of account {selected.account} first.
          </p>
          <ProfileStep />
        </>
      ) : null}
      {selected && connection ? <RestorePanel key={selected.path} entry={selected} onRestored={refresh} {...(onDiagnostics ? { onDiagnostics } : {})} /> : null}
    </main>
  );
}
