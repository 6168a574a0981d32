import { useCallback, useEffect, useState } from 'react';
import type { Connection } from '../../../shared/contract/aws-profile';
import type { SetupRecord } from '../../../shared/contract/setup-record';
import { useOperation } from '../api/use-operation';
import { ConnectFirst } from '../components/connect-first';
import { downloadEach } from '../components/download-file';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';
import { downloadName, isBaseFile, mimeTypeOf } from './export-file-descriptions';
import { ExportFileItem } from './export-file-item';
import { OfflineExportForm } from './offline-export-form';

/** Props of the export view. */
export interface ExportViewProps {
  readonly record: SetupRecord;
  readonly connection: Connection | null;
  readonly onConnection: (connection: Connection) => void;
  readonly onBusy: (busy: boolean) => void;
}

/**
 * Export for change control: connected, the documents are merged with the live account's (exactly what apply would
 * write); without a connection, an offline export for a given account ID. Each file can be viewed and downloaded.
 */
export function ExportView({ record, connection, onConnection, onBusy }: ExportViewProps) {
  const build = useOperation('export.build');
  const { run } = build;
  const setup = record.setup;
  const [offline, setOffline] = useState(false);
  const busy = build.loading;
  const exportLive = useCallback(() => void run({ setup }), [run, setup]);

  useEffect(() => {
    if (connection) exportLive();
  }, [connection, exportLive]);
  useEffect(() => onBusy(busy), [busy, onBusy]);

  const result = build.value;
  const files = result?.files.filter((f) => !isBaseFile(f.name)) ?? [];
  const baseFiles = result?.files.filter((f) => isBaseFile(f.name)) ?? [];
  const showOfflineForm = !connection || offline || build.error?.code === 'NOT_CONNECTED';

  return (
    <main className="content" id="main">
      <section aria-labelledby="export-title" className="panel" data-testid="export-view" aria-busy={busy}>
        <PanelHeading id="export-title">Export of {setup.name}</PanelHeading>
        <p>
          The folder for change control: the four documents the wizard would write, <code>platform-registration.json</code>,{' '}
          <code>apply.sh</code> (the same changes as AWS CLI commands) and a <code>README.md</code> explaining each file.
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
          <OfflineExportForm initialAccountId={record.accountId ?? connection?.accountId ?? ''} disabled={busy} onExport={(accountId) => void run({ setup, accountId })} />
        ) : null}
        {busy ? <ProgressLine message={build.progress ?? 'Building the export'} elapsedMs={build.elapsedMs} onCancel={build.cancel} /> : null}
        {build.error ? <ErrorBanner error={build.error} /> : null}
        {result && !busy ? (
          <div data-testid="export-result" data-merged={result.merged}>
            <p className={`banner ${result.merged ? 'ok' : 'warn'}`} data-testid="export-merge-state">
              {result.merged
                ? `Merged with the live documents of account ${result.accountId}: every statement and configuration that is not this setup's is kept.`
                : `Offline export for account ${result.accountId}: the documents were not merged with the live ones.`}
            </p>
            {result.notes.length > 0 ? (
              <>
                <h3>Notes</h3>
                <ul className="notes" data-testid="export-notes">
                  {result.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3>Files</h3>
            <div className="actions">
              <button
                type="button"
                onClick={() => void downloadEach(result.files.map((f) => ({ name: downloadName(f.name), content: f.content, type: mimeTypeOf(f.name) })))}
                data-testid="export-download-all"
              >
                Download all ({result.files.length} files)
              </button>
            </div>
            <p className="muted">
              A download is saved without the executable bit: run the script as <code>bash apply.sh</code>. apply.sh reads the live documents
              below from a folder named <code>base</code> next to it: they download as <code>base-NAME</code>, so move them there under their
              own names. The CLI (<code>sqs-s3-wizard export --out DIR</code>) writes the folder as it is.
            </p>
            <ul className="export-files" aria-label="Export files">
              {files.map((file) => (
                <ExportFileItem key={file.name} file={file} testId="export-file" />
              ))}
            </ul>
            {baseFiles.length > 0 ? (
              <>
                <h3>Live documents the export was merged with (base/)</h3>
                <ul className="export-files" aria-label="Live documents in base/">
                  {baseFiles.map((file) => (
                    <ExportFileItem key={file.name} file={file} testId="export-base-file" />
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      {!connection ? (
        <ConnectFirst
          reason="Or connect a profile of the setup's account: the export then merges with the live documents, exactly as apply would."
          onConnected={onConnection}
          onBusy={onBusy}
        />
      ) : null}
    </main>
  );
}
