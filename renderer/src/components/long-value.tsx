import type { ClipboardEvent } from 'react';
import { CopyButton } from './copy-button';
import { middleTruncate } from './middle-truncate';

/** Copying a selection that lies within the value gives the whole value, not the shortened text on screen. */
function copyWhole(event: ClipboardEvent<HTMLElement>, value: string): void {
  const selection = window.getSelection();
  const el = event.currentTarget;
  if (!selection || !el.contains(selection.anchorNode) || !el.contains(selection.focusNode)) return;
  event.clipboardData.setData('text/plain', value);
  event.preventDefault();
}

/**
 * A long value (an ARN, a URL, a path) cut in the middle on screen, whole on hover (title), when copied, and for
 * screen readers; `copy` adds a Copy button. Short values are shown as they are.
 */
export function LongValue({
  value,
  label,
  copy = false,
  testId,
  max,
}: {
  readonly value: string;
  /** What the Copy button names for screen readers ("resource"); the value itself by default. */
  readonly label?: string;
  readonly copy?: boolean;
  readonly testId?: string;
  /** Characters shown whole (LONG_VALUE_MAX by default; less in table cells). */
  readonly max?: number;
}) {
  const cut = middleTruncate(value, max);
  return (
    <>
      {cut ? (
        <code className="long-value" title={value} data-testid={testId} data-value={value} onCopy={(e) => copyWhole(e, value)}>
          <span aria-hidden="true">
            {cut.head}
            <span className="long-value-gap">…</span>
            {cut.tail}
          </span>
          <span className="visually-hidden">{value}</span>
        </code>
      ) : (
        <code data-testid={testId} data-value={value}>
          {value}
        </code>
      )}
      {copy ? (
        <>
          {' '}
          <CopyButton text={value} label={label ?? value} />
        </>
      ) : null}
    </>
  );
}
