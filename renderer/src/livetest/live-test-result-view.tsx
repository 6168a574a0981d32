import { useEffect, useRef } from 'react';
import type { LiveTestResult } from '../../../shared/livetest/live-test-result';
import { CopyButton } from '../components/copy-button';
import { WIZARD_STEPS, type WizardStepId } from '../wizard-state';
import { platformMessagesText, testEventsText } from '../../../shared/livetest/message-counts';

function titleOf(step: WizardStepId): string {
  return WIZARD_STEPS.find((s) => s.id === step)?.title ?? step;
}

/** What the test saw, pass or fail: the object, the messages, and whether the object was cleaned up. */
function Facts({ result }: { readonly result: LiveTestResult }) {
  const object = `s3://${result.bucket}/${result.key}`;
  const events = testEventsText(result);
  return (
    <dl className="facts" data-testid="live-facts">
      {result.ok ? (
        <>
          <dt>Latency, upload to receipt</dt>
          <dd data-testid="live-latency">{result.latencyMs} ms</dd>
          <dt>Event</dt>
          <dd>
            <code data-testid="live-event-name">{result.eventName}</code>
          </dd>
        </>
      ) : null}
      <dt>Test object key</dt>
      <dd>
        <code data-testid="live-key">{result.key}</code>
      </dd>
      <dt>The platform&apos;s messages</dt>
      <dd data-testid="live-released">{platformMessagesText(result)}</dd>
      {events ? (
        <>
          <dt>S3 test events</dt>
          <dd data-testid="live-test-events">{events}</dd>
        </>
      ) : null}
      {result.duplicates > 0 ? (
        <>
          <dt>Duplicate deliveries</dt>
          <dd>{result.duplicates} (standard queues may deliver twice; deleted)</dd>
        </>
      ) : null}
      <dt>Test object</dt>
      <dd data-testid="live-object" data-deleted={result.objectDeleted}>
        {result.objectDeleted ? (
          'deleted'
        ) : (
          <>
            <strong>left behind</strong> at <code>{object}</code> <CopyButton text={object} label="test object location" />: delete it yourself.
          </>
        )}
      </dd>
    </dl>
  );
}

/** A finished live test: pass with the latency, or the hop that most likely failed with its fix and a way to that step. */
export function LiveTestResultView({
  result,
  focusOnMount,
  onOpenStep,
}: {
  readonly result: LiveTestResult;
  readonly focusOnMount: boolean;
  readonly onOpenStep: (step: WizardStepId) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const fixStep = result.ok ? null : result.fixStep;

  return (
    <div className={`banner ${result.ok ? 'ok' : 'error'}`} data-testid="live-result" data-ok={result.ok}>
      <h3 className="banner-title" tabIndex={-1} ref={heading}>
        {result.ok ? `Passed: the event arrived ${result.latencyMs} ms after the upload` : 'Failed: the event did not arrive'}
      </h3>
      {result.ok ? (
        <p>
          The setup is marked verified (<time dateTime={result.finishedAt}>{new Date(result.finishedAt).toLocaleString()}</time>).
        </p>
      ) : (
        <>
          <p data-testid="live-diagnosis">{result.diagnosis}</p>
          {result.fix ? (
            <p data-testid="live-fix">
              <strong>Fix:</strong> {result.fix}
            </p>
          ) : null}
          {fixStep ? (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => onOpenStep(fixStep)} data-testid="open-fix-step">
                Open the {titleOf(fixStep)} step
              </button>
            </div>
          ) : null}
        </>
      )}
      <Facts result={result} />
    </div>
  );
}
