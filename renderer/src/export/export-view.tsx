import { useCallback, useEffect, useState } from 'react';
import type { SetupRecord } from '../../../shared/contract/setup-record';
import { useConnection } from '../api/connection-context';
import { useOperation } from '../api/use-operation';
import { ConnectFirst } from '../components/connect-first';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { exportFolderName } from '../../../shared/export/export-zip';
import { ExportResultView } from './export-result-view';
import { OfflineExportForm } from './offline-export-form';

/** Props of the export view. */
export interface ExportViewProps {
  readonly record: SetupRecord;
}

/**
 * Export for change control: connected, the documents are merged with the live account's (exactly what apply would
 * write); without a connection, an offline export for a given account ID. Each file can be viewed and downloaded.
 */
export function ExportView({ record }: ExportViewProps) {
  const { connection } = useConnection();
  const build = useOperation('export.build');
  const { run } = build;
  const setup = record.setup;
  const [offline, setOffline] = useState(false);
  const busy = build.loading;
  const exportLive = useCallback(() => void run({ setup }), [run, setup]);

  useEffect(() => {
    if (connection) exportLive();
  }, [connection, exportLive]);

  const result = build.value;
  const showOfflineForm = !connection || offline || build.error?.code === 'NOT_CONNECTED';

  return (
    <main className="content" id="main">
      <section aria-labelledby="export-title" className="panel" data-testid="export-view" aria-busy={busy}>
        <PanelHeading id="export-title">Export of {setup.name}</PanelHeading>
        <p>
          The folder for change control: the four documents the wizard would write, <code>platform-registration.json</code>, <code>apply.sh</code> (the same
          changes as AWS CLI commands) and a <code>README.md</code> explaining each file.
        </p>
        {connection ? (
          <div className="actions">
            <button type="button" onClick={exportLive} disabled={busy}>
              Export again, merged with account {connection.accountId}
            </button>
            {!offline ? (
              <button type="button" className="secondary" onClick={() => setOffline(true)} disabled={busy}>
                Export offline instead
              </button>
            ) : null}
          </div>
        ) : null}
        {showOfflineForm ? (
          <OfflineExportForm
            initialAccountId={record.accountId ?? connection?.accountId ?? ''}
            disabled={busy}
            onExport={(accountId) => void run({ setup, accountId })}
          />
        ) : null}
        {busy ? <ProgressLine message={build.progress ?? 'Building the export'} elapsedMs={build.elapsedMs} onCancel={build.cancel} /> : null}
        {build.error ? <ErrorBanner error={build.error} /> : null}
        {result && !busy ? <ExportResultView result={result} folder={exportFolderName(setup.name)} /> : null}
      </section>
      {!connection ? (
        <ConnectFirst reason="Or connect a profile of the setup's account: the export then merges with the live documents, exactly as apply would." />
      ) : null}
    </main>
  );
}
