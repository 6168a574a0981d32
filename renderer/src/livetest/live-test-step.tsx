import { useEffect, useState } from 'react';
import type { Setup } from '../../../shared/setup/setup';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { TextField } from '../scope/text-field';
import type { LiveTestOutcome, WizardStepId } from '../wizard-state';
import { LiveProgress } from './live-progress';
import { LiveTestResultView } from './live-test-result-view';
import { DEFAULT_TIMEOUT_TEXT, parseTimeout } from './live-test-timeout';

/** Props of the live test step. */
export interface LiveTestStepProps {
  readonly setup: Setup;
  /** The outcome so far in this session (kept by the wizard, so the result survives leaving the step). */
  readonly outcome: LiveTestOutcome;
  readonly onOutcome: (outcome: LiveTestOutcome) => void;
  readonly onNext: () => void;
  readonly onOpenStep: (step: WizardStepId) => void;
}

/**
 * Platform guide step 6 in the GUI: upload a test object in the setup's scope and wait for its event on the queue. Nothing runs
 * until the admin clicks Run (it writes an object); Skip goes on to the hand-off without verifying. The progress and the
 * result come before the form, so the buttons that follow a result (Continue, Run again) are read after it.
 */
export function LiveTestStep({ setup, outcome, onOutcome, onNext, onOpenStep }: LiveTestStepProps) {
  const test = useOperation('livetest.run');
  const [timeoutText, setTimeoutText] = useState(DEFAULT_TIMEOUT_TEXT);
  const [edited, setEdited] = useState(false);
  const [ranHere, setRanHere] = useState(false);
  const timeout = parseTimeout(timeoutText);
  const busy = test.loading;

  async function run(event: React.FormEvent) {
    event.preventDefault();
    setEdited(true);
    if (!timeout.ok) {
      document.getElementById('livetest-timeout')?.focus();
      return;
    }
    setRanHere(true);
    const result = await test.run({ setup, timeoutSeconds: timeout.seconds });
    if (result) onOutcome(result.ok ? { kind: 'passed', result } : { kind: 'failed', result });
  }

  useEffect(() => {
    if (test.error && test.error.code !== 'CANCELLED') onOutcome({ kind: 'failed', result: null });
  }, [test.error, onOutcome]);

  // Cancel leaves with its progress line: the focus goes back to Run rather than to the top of the page.
  useEffect(() => {
    if (!busy && ranHere && (document.activeElement === null || document.activeElement === document.body)) {
      document.querySelector<HTMLButtonElement>('[data-testid="livetest-run"]')?.focus();
    }
  }, [busy, ranHere]);

  const shown = outcome.kind === 'passed' || (outcome.kind === 'failed' && outcome.result) ? outcome.result : null;
  const passed = outcome.kind === 'passed';
  const keyPattern = `${setup.prefix}sqs-s3-wizard test=<UTC time>-<random>${setup.suffix}`;

  return (
    <section aria-labelledby="livetest-title" className="panel" data-testid="step-panel-liveTest" aria-busy={busy}>
      <PanelHeading id="livetest-title">Live test</PanelHeading>
      <p>
        Proves the setup end to end: uploads a small test object to{' '}
        <code>
          s3://{setup.bucket}/{keyPattern}
        </code>{' '}
        (inside the prefix and suffix; the space and <code>=</code> exercise key decoding), then long-polls <code>{setup.queueName}</code> until the event for
        that object arrives or the deadline passes.
      </p>
      <ul className="notes">
        <li>
          Every other message received meanwhile is made visible again at once, so the platform&apos;s data is never swallowed. On a queue with a redrive
          policy, a message received a second time is held until the test ends and then released, so the test never pushes it towards the dead-letter queue.
        </li>
        <li>The test&apos;s own messages and object are deleted afterwards; an object that cannot be deleted is reported with its key.</li>
        <li>
          S3&apos;s <code>s3:TestEvent</code> (sent when a rule is written) is not the platform&apos;s data: it is deleted from this setup&apos;s own queue and
          never counted as the platform&apos;s messages.
        </li>
        <li>On a timeout the wizard reads the live configuration and names the hop that most likely failed.</li>
      </ul>
      {busy ? (
        <LiveProgress
          progress={test.progress}
          detail={test.detail}
          timeoutSeconds={timeout.ok ? timeout.seconds : 0}
          queueName={setup.queueName}
          onCancel={test.cancel}
        />
      ) : null}
      {test.error ? <ErrorBanner error={test.error} /> : null}
      {shown && !busy && !test.error ? <LiveTestResultView key={shown.finishedAt} result={shown} focusOnMount={ranHere} onOpenStep={onOpenStep} /> : null}
      <form className="form" onSubmit={(e) => void run(e)} noValidate>
        <TextField
          id="livetest-timeout"
          label="Timeout (seconds)"
          value={timeoutText}
          onChange={(v) => {
            setEdited(true);
            setTimeoutText(v);
          }}
          error={edited && !timeout.ok ? timeout.message : null}
          help="How long to wait for the event: 5 to 900 seconds (15 minutes); 120 by default."
          disabled={busy}
        />
        <div className="actions">
          {passed ? (
            <>
              <button type="button" onClick={onNext} disabled={busy} data-testid="livetest-continue">
                Continue to the hand-off
              </button>
              <button type="submit" className="secondary" disabled={busy}>
                Run the live test again
              </button>
            </>
          ) : (
            <>
              <button type="submit" disabled={busy} data-testid="livetest-run">
                {outcome.kind === 'failed' ? 'Run the live test again' : 'Run the live test'}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                data-testid="livetest-skip"
                onClick={() => {
                  onOutcome({ kind: 'skipped' });
                  onNext();
                }}
              >
                Skip: continue without verifying
              </button>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
