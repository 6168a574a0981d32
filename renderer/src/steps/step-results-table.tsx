import { AWS_STEP_IDS, AWS_STEPS, type AwsStepId } from '../../../shared/steps/aws-steps';
import { assertNever } from '../../../shared/util/assert-never';
import { LongValue } from '../components/long-value';
import type { LiveTestOutcome, StepOutcome } from '../wizard-state';

function outcomeText(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'todo':
      return 'not run';
    case 'unchanged':
      return 'no change';
    case 'applied':
      return outcome.result.action;
    case 'blocked':
      return `blocked: ${outcome.error.message}`;
    case 'drift':
      return 'stopped: changed since the plan (nothing was written)';
    case 'failed':
      return `failed: ${outcome.error.message}`;
    default:
      return assertNever(outcome, 'outcome');
  }
}

function liveTestText(outcome: LiveTestOutcome): string {
  switch (outcome.kind) {
    case 'todo':
      return 'not run';
    case 'passed':
      return `passed: event received ${outcome.result.latencyMs} ms after the upload`;
    case 'failed':
      return outcome.result ? `failed: ${outcome.result.diagnosis ?? 'no event'}` : 'failed';
    case 'skipped':
      return 'skipped';
    default:
      return assertNever(outcome, 'live test outcome');
  }
}

/** The last segment of a backup path (the full path is in the title and the backups view). */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function resourceOf(outcome: StepOutcome): string {
  if (outcome.kind === 'unchanged') return outcome.resource;
  if (outcome.kind === 'applied') return outcome.result.resource;
  return '';
}

/** What each step did in this session, the backup each write took, and the live test's result with its latency. */
export function StepResultsTable({ outcomes, liveTest }: { readonly outcomes: Readonly<Record<AwsStepId, StepOutcome>>; readonly liveTest: LiveTestOutcome }) {
  const testedKey = liveTest.kind === 'passed' || liveTest.kind === 'failed' ? (liveTest.result?.key ?? null) : null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>What each step did</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Result</th>
            <th scope="col">Resource</th>
            <th scope="col">Backup taken</th>
          </tr>
        </thead>
        <tbody>
          {AWS_STEP_IDS.map((id) => {
            const outcome = outcomes[id];
            return (
              <tr key={id} data-testid={`summary-row-${id}`} data-outcome={outcome.kind}>
                <th scope="row">{AWS_STEPS[id].title}</th>
                <td>{outcomeText(outcome)}</td>
                <td>{resourceOf(outcome) ? <LongValue value={resourceOf(outcome)} max={40} /> : null}</td>
                <td>
                  {outcome.kind === 'applied' && outcome.result.backupPath ? (
                    <>
                      <code title={outcome.result.backupPath}>{fileName(outcome.result.backupPath)}</code>
                      {outcome.result.previousMissing ? <span className="muted"> (nothing existed; recorded for restore)</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
          <tr data-testid="summary-row-liveTest" data-outcome={liveTest.kind}>
            <th scope="row">Live test</th>
            <td>{liveTestText(liveTest)}</td>
            <td>{testedKey ? <code>{testedKey}</code> : null}</td>
            <td>—</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
