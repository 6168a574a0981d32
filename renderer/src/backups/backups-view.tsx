import { useEffect, useState } from 'react';
import type { Connection } from '../../../shared/contract/aws-profile';
import type { BackupEntry } from '../../../shared/contract/setup-record';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { ProfileStep } from '../steps/profile-step';
import { BackupTable } from './backup-table';
import { RestorePanel } from './restore-panel';

/** One setup's backups, newest first; Restore shows the diff of the live document against the backup, then asks. */
export function BackupsView({
  setupName,
  connection,
  onConnection,
}: {
  readonly setupName: string;
  readonly connection: Connection | null;
  readonly onConnection: (connection: Connection) => void;
}) {
  const listing = useOperation('backups.list');
  const { run } = listing;
  const [selected, setSelected] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => void run({ setupName });

  useEffect(() => {
    void run({ setupName });
  }, [run, setupName]);

  return (
    <main className="content" id="main">
      <section aria-labelledby="backups-title" className="panel" data-testid="backups-view">
        <PanelHeading id="backups-title">Backups of {setupName}</PanelHeading>
        <p>
          Before every change the wizard saves the document it replaces. Restoring one writes it back, after saving the live document as
          another backup.
        </p>
        {listing.loading ? <ProgressLine message={listing.progress ?? 'Reading backups'} elapsedMs={listing.elapsedMs} /> : null}
        {listing.error ? <ErrorBanner error={listing.error} /> : null}
        {listing.value ? <BackupTable entries={listing.value} caption="Backups, newest first" onRestore={setSelected} disabled={busy} /> : null}
      </section>
      {selected && !connection ? (
        <>
          <p className="banner warn" role="alert">
            Restoring reads and writes the live document: connect a profile of account {selected.account} first.
          </p>
          <ProfileStep onConnected={onConnection} />
        </>
      ) : null}
      {selected && connection ? <RestorePanel key={selected.path} entry={selected} onRestored={refresh} onBusy={setBusy} /> : null}
    </main>
  );
}
