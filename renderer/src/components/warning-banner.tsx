import { CopyButton } from './copy-button';
import { splitTrailingJson } from './trailing-json';

/** A warning the admin should read before applying; a JSON value it carries is shown formatted, with Copy. */
export function WarningBanner({ text }: { readonly text: string }) {
  const { text: sentence, json } = splitTrailingJson(text);
  const formatted = json === null ? null : JSON.stringify(json, null, 2);
  return (
    <div className="banner warn" role="alert">
      <p>
        <strong>Warning:</strong> {sentence}
      </p>
      {formatted ? (
        <>
          <pre className="code-block" tabIndex={0} aria-label="Statement to add">
            {formatted}
          </pre>
          <CopyButton text={formatted} label="statement" />
        </>
      ) : null}
    </div>
  );
}
