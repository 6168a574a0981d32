import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';
import type { AppliedRun, StepPlan, StepResult } from '../../shared/steps/step-plan';
import type { CliFlags } from './cli-flags';
import { confirmOnTerminal } from './confirm';
import { exitCodeFor, printError, writeStdout } from './cli-output';
import { formatPlan, formatResult } from './format-plan';

/** One line of a command's `changes`: which step, what it did, and its backup. */
export interface ChangeLine {
  readonly step: string;
  readonly action: StepResult['action'];
  readonly backup: string | null;
}

/**
 * Prints the blocked plans and the error of the first one; true when any plan is blocked. A blocked plan is a failed
 * step (exit 1), even when it blames a live document as BAD_INPUT: nothing was written.
 */
export function reportBlocked(plans: ReadonlyArray<StepPlan>, flags: CliFlags, what: string): boolean {
  const blocked = plans.filter((p) => p.blocked);
  if (blocked.length === 0) return false;
  for (const plan of blocked) process.stderr.write(formatPlan(plan));
  const first = blocked[0]?.blocked;
  if (first) printError({ ...first, message: `Nothing was written: ${blocked.length} ${what}. ${first.message}` }, flags.json ?? false);
  return true;
}

/** --yes, or a yes on the terminal; otherwise bad input with nothing written (`verb`: "apply", "remove"). */
export async function confirmOrRefuse(flags: CliFlags, question: string, verb: string, retry: string): Promise<void> {
  if (flags.yes || (await confirmOnTerminal(question))) return;
  const message = process.stdin.isTTY ? 'Not confirmed: nothing was written.' : `Not on a terminal: pass --yes to ${verb}. Nothing was written.`;
  throw new ApiFailure(apiError('BAD_INPUT', message, { fix: retry }));
}

/**
 * Sends every plan through its guarded write in order (unchanged ones too: the write re-reads them, writes nothing and
 * records the setup's state), stopping at the first failure; then reports the run (reportRun).
 */
export async function writeInOrder(
  plans: ReadonlyArray<StepPlan>,
  write: (plan: StepPlan) => Promise<StepResult>,
  flags: CliFlags,
): Promise<{ readonly results: ReadonlyArray<StepResult> } | { readonly exitCode: number }> {
  const results: StepResult[] = [];
  for (const plan of plans) {
    try {
      results.push(await write(plan));
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      return reportRun({ results, failed: { step: plan.step, error: err.error } }, plans, flags);
    }
  }
  return reportRun({ results, failed: null }, plans, flags);
}

/**
 * Prints what a run wrote; on a failure it says what was done before it (each step is one write) and returns the exit
 * code, else the results.
 */
export function reportRun(
  run: AppliedRun,
  plans: ReadonlyArray<StepPlan>,
  flags: CliFlags,
): { readonly results: ReadonlyArray<StepResult> } | { readonly exitCode: number } {
  const titleOf = (step: AwsStepId) => plans.find((p) => p.step === step)?.title ?? AWS_STEPS[step].title;
  if (!flags.json) for (const result of run.results) writeStdout(formatResult(result, AWS_STEPS[result.step].title));
  if (!run.failed) return { results: run.results };
  const done = changeLines(run.results);
  const error = { ...run.failed.error, message: `${titleOf(run.failed.step)} failed after ${done.length} step(s) were applied: ${run.failed.error.message}` };
  if (flags.json) writeStdout(`${JSON.stringify({ ok: false, error, changes: done }, null, 2)}\n`);
  else printError(error, false);
  return { exitCode: exitCodeFor(run.failed.error) };
}

/** The `changes` list of a command's JSON answer. */
export function changeLines(results: ReadonlyArray<StepResult>): ReadonlyArray<ChangeLine> {
  return results.map((r) => ({ step: r.step, action: r.action, backup: r.backupPath }));
}
