/** A running call: its latest progress message, elapsed time, and Cancel. */
export function ProgressLine({
  message,
  elapsedMs,
  onCancel,
}: {
  readonly message: string | null;
  readonly elapsedMs: number;
  readonly onCancel?: () => void;
}) {
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{message ?? 'Working...'}</span>
      {elapsedMs > 0 ? <span className="muted"> {(elapsedMs / 1000).toFixed(1)} s</span> : null}
      {onCancel ? (
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
