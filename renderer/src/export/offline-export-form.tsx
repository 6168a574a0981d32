import { useState } from 'react';
import { TextField } from '../scope/text-field';

/** Same rule as export.build's accountId. */
const ACCOUNT_ID = /^\d{12}$/;

/** The offline export without credentials: the account ID the documents are built for (they are not merged). */
export function OfflineExportForm({
  initialAccountId,
  disabled,
  onExport,
}: {
  readonly initialAccountId: string;
  readonly disabled: boolean;
  readonly onExport: (accountId: string) => void;
}) {
  const [accountId, setAccountId] = useState(initialAccountId);
  const [submitted, setSubmitted] = useState(false);
  const error = ACCOUNT_ID.test(accountId) ? null : 'A 12-digit AWS account ID, such as 123456789012.';

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (error) document.getElementById('export-account-id')?.focus();
        else onExport(accountId);
      }}
    >
      <TextField
        id="export-account-id"
        label="Account ID"
        value={accountId}
        onChange={(v) => setAccountId(v.trim())}
        error={submitted || accountId !== '' ? error : null}
        help="The account the documents are for. Offline, they are not merged with the live ones: apply.sh then runs only where they do not exist yet."
        disabled={disabled}
      />
      <div className="actions">
        <button type="submit" disabled={disabled} data-testid="export-offline">
          Export offline
        </button>
      </div>
    </form>
  );
}
