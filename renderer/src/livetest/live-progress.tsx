import { useEffect, useRef } from 'react';
import type { ProgressDetail } from '../../../shared/contract/api-events';
import { useElapsed } from './use-elapsed';
import { countOf } from '../../../shared/util/count-of';

/**
 * A running live test: one clock (elapsed against the deadline, a local clock since the back end reports only between
 * long polls), the messages seen so far, what the test is doing, and Cancel, which takes the focus (Run is disabled
 * meanwhile). The back end's wait lines carry their own seconds for the CLI; here they are not repeated, so the screen
 * never shows two clocks that disagree.
 */
export function LiveProgress({
  progress,
  detail,
  timeoutSeconds,
  queueName,
  onCancel,
}: {
  readonly progress: string | null;
  readonly detail: ProgressDetail | null;
  readonly timeoutSeconds: number;
  readonly queueName: string;
  readonly onCancel: () => void;
}) {
  const elapsedMs = useElapsed();
  const waiting = detail?.kind === 'livetest-wait';
  const seen = waiting ? detail.messagesSeen : null;
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const seconds = Math.min(elapsedMs / 1000, timeoutSeconds);

  return (
    <div className="live-progress" data-testid="live-progress">
      <p className="progress">
        <span className="spinner" aria-hidden="true" />
        <span role="timer" aria-live="off" data-testid="live-elapsed">
          Elapsed {seconds.toFixed(1)} s of {timeoutSeconds} s
        </span>
        <span aria-hidden="true">·</span>
        <span data-testid="messages-seen">{seen === null ? 'no message seen yet' : `${countOf(seen, 'message')} seen`}</span>
      </p>
      <progress max={timeoutSeconds} value={seconds} aria-label="Time waited, of the deadline" />
      <p className="muted" role="status" data-testid="live-progress-message">
        {waiting ? `Waiting for the test object's event on ${queueName} (long polls of up to 20 s)` : (progress ?? 'Starting the live test')}
      </p>
      <div className="actions">
        <button type="button" ref={cancelRef} className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
