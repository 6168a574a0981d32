import { ApiFailure } from '../../../shared/contract/api-error';
import type { Channel } from '../../../shared/contract/api-contract';
import type { AppliedRun, StepPlan } from '../../../shared/steps/step-plan';
import { planChoicesOf, type CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { EXIT, exitCodeFor, printError, writeStdout } from '../cli-output';
import { formatPlan } from '../format-plan';
import { changeLines, confirmOrRefuse, reportBlocked, reportRun, type ChangeLine } from '../planned-run';
import { loadSetupFile, withOverlapResolution } from '../load-setup-file';
import { liveTestTimeout } from '../live-test-timeout';
import { liveTestMessagesLine } from '../../../shared/livetest/message-counts';

/** The CLI's answer for `apply --json` (README, "Command line"). */
export interface ApplyReport {
  readonly queueUrl: string | null;
  readonly queueArn: string;
  readonly roleArn: string;
  readonly region: string;
  readonly accountId: string;
  readonly externalId: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly changes: ReadonlyArray<ChangeLine>;
  readonly liveTest: { readonly ok: boolean; readonly latencyMs: number | null; readonly key: string; readonly messagesSeen: number } | null;
}

/**
 * `apply --setup FILE --yes`: plans every step before the first write (so bad input, a missing bucket, a Region
 * mismatch or a conflict stops it with nothing written), then applies them in order, each guarded by its plan's basis:
 * with --yes as one operation (steps.planApplyAll), else steps.planAll, a yes on the terminal, then steps.applyAll.
 */
export async function applyCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const loaded = await loadSetupFile(flags.setup);
  const setup = withOverlapResolution(loaded.setup, flags['resolve-overlap']);
  const { warnings } = loaded;
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const timeoutSeconds = liveTestTimeout(flags['test-timeout']);
  const connection = await connectCli(call, flags, setup.region);
  const choices = planChoicesOf(flags);
  // The run waits on AWS most of its time: the handlers of what follows it load meanwhile.
  const following: Channel[] = flags['skip-test'] ? ['handoff.values'] : ['handoff.values', 'livetest.run'];
  let plans: ReadonlyArray<StepPlan>;
  let run: AppliedRun | null = null;
  if (flags.yes) {
    // Confirmed in advance: the plan and the run are one operation, so the run's first reads are the plan's; the
    // setup is saved and anything written only when no step is blocked (else run is null).
    call.preload(following);
    ({ plans, run } = await call('steps.planApplyAll', { setup, ...choices }));
  } else plans = await call('steps.planAll', { setup, ...choices });
  if (reportBlocked(plans, flags, 'step(s) cannot be applied')) return EXIT.failed;
  if (!flags.json) for (const plan of plans) process.stderr.write(formatPlan(plan));
  if (!run) {
    await confirmOrRefuse(flags, 'Apply these changes?', 'apply', 'Review the plan (sqs-s3-wizard plan --setup FILE), then run apply with --yes.');
    // Saved only once the run is going to write, so a refused apply leaves the data directory untouched too.
    await call('setups.save', { setup });
    // One operation for the run: the neighbourhood is read once, each step's own resource by its guarded write.
    call.preload(following);
    run = await call('steps.applyAll', { setup, plans: plans.map((p) => ({ step: p.step, basis: p.basis })), ...choices });
  }
  const written = reportRun(run, plans, flags);
  if ('exitCode' in written) return written.exitCode;
  const changes = changeLines(written.results);
  let registration;
  let test;
  try {
    // Independent: the values to register are read while the live test runs.
    [registration, test] = await Promise.all([call('handoff.values', { setup }), flags['skip-test'] ? null : call('livetest.run', { setup, timeoutSeconds })]);
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    // Every step was applied: say so with the error, so the admin (or a JSON consumer) knows the state.
    const error = { ...err.error, message: `All steps were applied, then: ${err.error.message}` };
    if (flags.json) writeStdout(`${JSON.stringify({ ok: false, error, changes }, null, 2)}\n`);
    else printError(error, false);
    return exitCodeFor(err.error);
  }
  if (test && !flags.json) {
    writeStdout(
      test.ok
        ? `Live test: passed, event received ${test.latencyMs} ms after the upload (${liveTestMessagesLine(test)})\n`
        : `Live test: FAILED. ${test.diagnosis ?? ''}\nfix: ${test.fix ?? ''}\n`,
    );
    if (!test.objectDeleted) writeStdout(`The test object was left behind: s3://${setup.bucket}/${test.key}\n`);
  }
  const report: ApplyReport = {
    ...registration,
    accountId: connection.accountId,
    changes,
    liveTest: test ? { ok: test.ok, latencyMs: test.latencyMs, key: test.key, messagesSeen: test.messagesSeen } : null,
  };
  if (flags.json) writeStdout(`${JSON.stringify(report, null, 2)}\n`);
  else
    writeStdout(
      `\nRegister on the platform:\n${Object.entries(registration)
        .map(([k, v]) => `  ${k.padEnd(10)} ${v}`)
        .join('\n')}\n`,
    );
  return test && !test.ok ? EXIT.failed : EXIT.ok;
}
