import type { ExportFile } from './export-input';

/** The answer of export.build: the folder's files as text (the GUI offers them as downloads, the CLI writes them). */
export interface ExportBuild {
  readonly files: ReadonlyArray<ExportFile>;
  /** False for an offline export: the documents were not merged with the live ones. */
  readonly merged: boolean;
  readonly accountId: string;
  readonly notes: ReadonlyArray<string>;
}

/** What the CLI and the GUI say about an offline export (an offline export must say the documents were not merged). */
export function offlineNote(accountId: string): string {
  return (
    `Offline export for account ${accountId}: the queue policy, bucket notification and trust policy were NOT merged ` +
    'with the live documents. apply.sh stops if any of them already exists; export with credentials to merge.'
  );
}
