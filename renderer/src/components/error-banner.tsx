import type { ApiError } from '../../../shared/contract/api-error';
import { CopyButton } from './copy-button';

/** Shows an error value: what went wrong, the fix, and a command to copy when there is one. */
export function ErrorBanner({ error }: { readonly error: ApiError }) {
  return (
    <div className="banner error" role="alert" data-code={error.code}>
      <p className="banner-title">{error.message}</p>
      {error.fix ? <p>{error.fix}</p> : null}
      {error.issues && error.issues.length > 0 ? (
        <ul>
          {error.issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>
              <strong>{i.field}</strong>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.command ? (
        <p className="command-line">
          <code data-testid="fix-command">{error.command}</code> <CopyButton text={error.command} label="command" />
        </p>
      ) : null}
    </div>
  );
}
