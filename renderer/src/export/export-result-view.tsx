import type { ExportBuild } from '../../../shared/export/export-build';
import { zipExportFolder } from '../../../shared/export/export-zip';
import { downloadBytes } from '../components/download-file';
import { isBaseFile } from './export-file-descriptions';
import { ExportFileItem } from './export-file-item';

/** A built export: merged or offline, its notes, Download all (one zip of the folder), the folder's files and the live documents in base/. */
export function ExportResultView({ result, folder }: { readonly result: ExportBuild; readonly folder: string }) {
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
          onClick={() => downloadBytes(`${folder}.zip`, zipExportFolder(folder, result.files), 'application/zip')}
          data-testid="export-download-all"
        >
          Download all as {folder}.zip
        </button>
      </div>
      <p className="muted" data-testid="export-download-note">
        One zip of the folder as <code>apply.sh</code> expects it: the {result.files.length} files below in <code>{folder}/</code>, the live documents in{' '}
        <code>{folder}/base/</code>, and <code>apply.sh</code> executable once unzipped (<code>unzip {folder}.zip</code>, then{' '}
        <code>bash {folder}/apply.sh</code>
        ). A file downloaded on its own is saved without the executable bit. The CLI (<code>sqs-s3-wizard export --out DIR</code>) writes the same folder.
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
