import type { StepResult } from '../../../shared/steps/step-plan';
import { CopyButton } from '../components/copy-button';
import { LongValue } from '../components/long-value';

const RESULT_TEXT: Readonly<Record<StepResult['action'], string>> = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Deleted',
  unchanged: 'No change: nothing was written',
};

/** What a write did, where the backup went, and that the read-back matched. */
export function ApplyResult({ result }: { readonly result: StepResult }) {
  return (
    <div className="banner ok" role="status">
      <p className="banner-title" data-testid="result-action" data-action={result.action}>
        {RESULT_TEXT[result.action]}: <LongValue value={result.resource} />
      </p>
      {result.action !== 'unchanged' ? <p>Read back after the write: it matches the proposed document.</p> : null}
      {result.backupPath ? (
        <p data-testid="backup-line" data-previous={result.previousMissing ? 'none' : 'document'}>
          {result.previousMissing ? 'Nothing existed before this write; recorded for restore in ' : 'Backup of the previous document: '}
          <code data-testid="backup-path">{result.backupPath}</code> <CopyButton text={result.backupPath} label="backup path" />
        </p>
      ) : null}
    </div>
  );
}
