import type { ExportBuild } from '../../../shared/export/export-build';
import { downloadEach } from '../components/download-file';
import { downloadName, isBaseFile, mimeTypeOf } from './export-file-descriptions';
import { ExportFileItem } from './export-file-item';

/** A built export: merged or offline, its notes, Download all, the folder's files and the live documents in base/. */
export function ExportResultView({ result }: { readonly result: ExportBuild }) {
  const files = result.files.filter((f) => !isBaseFile(f.name));
  const baseFiles = result.files.filter((f) => isBaseFile(f.name));
  return (
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
        A download is saved without the executable bit: run the script as <code>bash apply.sh</code>. apply.sh reads the live documents below from a folder
        named <code>base</code> next to it: they download as <code>base-NAME</code>, so move them there under their own names. The CLI (
        <code>sqs-s3-wizard export --out DIR</code>) writes the folder as it is.
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
  );
}
