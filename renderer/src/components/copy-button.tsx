import { useState } from 'react';

/**
 * Copies a value to the clipboard and says so. Without `visibleLabel` the button reads "Copy" and `label` names what
 * is copied for screen readers; with it, the visible text is the whole name. The result is announced politely.
 */
export function CopyButton({ text, label, visibleLabel }: { readonly text: string; readonly label: string; readonly visibleLabel?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-label={visibleLabel ? undefined : `Copy ${label}`}
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : (visibleLabel ?? 'Copy')}
      </button>
      <span className="visually-hidden" role="status">
        {copied === true ? `Copied ${label}` : copied === false ? `Could not copy ${label}: select it and copy by hand` : ''}
      </span>
    </>
  );
}
