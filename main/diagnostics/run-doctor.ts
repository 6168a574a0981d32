import type { DiagnosticCheck, DoctorReport } from '../../shared/diagnostics/diagnostic-check';
import { check } from '../../shared/diagnostics/diagnostic-check';
import { diagnosticContext } from '../../shared/diagnostics/diagnostic-context';
import { runChecks } from '../../shared/diagnostics/run-checks';
import { runLiveTest } from '../livetest/run-live-test';
import { liveTestMessagesLine } from '../../shared/livetest/message-counts';
import { getSetup } from '../store/setups';
import type { StepContext } from '../steps/step-context';
import { readSnapshot } from './read-snapshot';

/** What the doctor is asked to do besides the read-only checks. */
export interface DoctorOptions {
  /** Also run the live upload-and-receive test. */
  readonly live: boolean;
  readonly timeoutSeconds: number;
}

/** The named checks over a saved setup (read-only, concurrent reads), plus the live test when asked. */
export async function runDoctor(sctx: StepContext, input: DoctorOptions): Promise<DoctorReport> {
  const setup = sctx.setup;
  sctx.progress('Reading the account');
  const record = await getSetup(sctx.dataDir, setup.name).catch(() => null);
  const c = diagnosticContext(setup, sctx.accountId);
  const snapshot = await readSnapshot(
    sctx.target,
    c,
    { accountId: sctx.accountId, arn: sctx.callerArn, expectedAccount: record?.accountId ?? null },
    sctx.signal,
  );
  const checks: DiagnosticCheck[] = [...runChecks(setup, snapshot)];
  if (input.live) {
    sctx.progress('Running the live test');
    const blocked = checks.some((x) => x.status === 'fail' && ['bucket', 'queue'].includes(x.id));
    if (blocked)
      checks.push(
        check('live-test', 'Live test: an upload reaches the queue', 'skip', 'Skipped: the bucket or the queue is missing, unusable or could not be read.'),
      );
    else {
      const r = await runLiveTest(sctx, input.timeoutSeconds);
      checks.push(
        r.ok
          ? check(
              'live-test',
              'Live test: an upload reaches the queue',
              'pass',
              `Event for ${r.key} received after ${r.latencyMs} ms (${liveTestMessagesLine(r)}).`,
            )
          : check('live-test', 'Live test: an upload reaches the queue', 'fail', r.diagnosis ?? 'No event.', r.fix),
      );
    }
  }
  return {
    ok: checks.every((x) => x.status !== 'fail'),
    setupName: setup.name,
    accountId: sctx.accountId,
    region: setup.region,
    checkedAt: new Date().toISOString(),
    permissionsEvaluatedBy: snapshot.simulation.available
      ? 'policy engine, compared with iam:SimulatePrincipalPolicy'
      : `policy engine (iam:SimulatePrincipalPolicy not used: ${snapshot.simulation.reason})`,
    checks,
  };
}
