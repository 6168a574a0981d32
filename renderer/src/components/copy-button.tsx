import { useEffect, useState } from 'react';

/** How long "Copied" stays beside the button: long enough to be read, short enough that a second copy is acknowledged afresh. */
export const COPIED_SHOWN_MS = 2_000;

/**
 * Copies a value to the clipboard and says so beside the button for a moment. The button's text and accessible name
 * never change (a name that turned into "Copied" would lose what the button copies): without `visibleLabel` it reads
 * "Copy" and `label` names what is copied for screen readers; with it, the visible text is the whole name.
 */
export function CopyButton({ text, label, visibleLabel }: { readonly text: string; readonly label: string; readonly visibleLabel?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className="copy">
      <button
        type="button"
        className="secondary small"
        aria-label={visibleLabel ? undefined : `Copy ${label}`}
        onClick={() => {
          setCopied(null);
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {visibleLabel ?? 'Copy'}
      </button>
      <span className={`copy-feedback${copied === false ? ' field-error' : ''}`} role="status" data-testid="copy-feedback">
        {copied === true ? (
          <>
            <span aria-hidden="true">✓ </span>Copied<span className="visually-hidden"> {label}</span>
          </>
        ) : copied === false ? (
          `Could not copy ${label}: select it and copy by hand`
        ) : (
          ''
        )}
      </span>
    </span>
  );
}
