import type { ExportFile } from '../../../shared/export/export-input';
import { downloadText } from '../components/download-file';
import { describeExportFile, downloadName, mimeTypeOf } from './export-file-descriptions';

/** One file of the export: its name and purpose, Download, and its content in a collapsible block. */
export function ExportFileItem({ file, testId }: { readonly file: ExportFile; readonly testId: string }) {
  const saveAs = downloadName(file.name);
  return (
    <li className="export-file" data-testid={testId} data-name={file.name}>
      <p className="export-file-head">
        <code className="export-file-name">{file.name}</code> <span className="muted">{file.content.length.toLocaleString()} characters</span>{' '}
        <button
          type="button"
          className="secondary small"
          onClick={() => downloadText(saveAs, file.content, mimeTypeOf(file.name))}
          aria-label={`Download ${file.name}`}
        >
          Download
        </button>
      </p>
      <p className="export-file-description">{describeExportFile(file.name)}</p>
      <details>
        <summary>View {file.name}</summary>
        <pre className="code-block" tabIndex={0} aria-label={`Content of ${file.name}`}>
          {file.content}
        </pre>
      </details>
    </li>
  );
}
