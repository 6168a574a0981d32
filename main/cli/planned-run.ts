import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { AWS_STEPS } from '../../shared/steps/aws-steps';
import type { StepPlan, StepResult } from '../../shared/steps/step-plan';
import type { CliFlags } from './cli-flags';
import { confirmOnTerminal } from './confirm';
import { exitCodeFor, printError } from './cli-output';
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
 * records the setup's state). On a failure it says what was done before it, since each step is one write; returns the
 * results, or the exit code of the failure.
 */
export async function writeInOrder(
  plans: ReadonlyArray<StepPlan>,
  write: (plan: StepPlan) => Promise<StepResult>,
  flags: CliFlags,
): Promise<{ readonly results: ReadonlyArray<StepResult> } | { readonly exitCode: number }> {
  const results: StepResult[] = [];
  for (const plan of plans) {
    let result: StepResult;
    try {
      result = await write(plan);
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      const done = changeLines(results);
      const error = { ...err.error, message: `${plan.title} failed after ${done.length} step(s) were applied: ${err.error.message}` };
      if (flags.json) process.stdout.write(`${JSON.stringify({ ok: false, error, changes: done }, null, 2)}\n`);
      else printError(error, false);
      return { exitCode: exitCodeFor(err.error) };
    }
    results.push(result);
    if (!flags.json) process.stdout.write(formatResult(result, AWS_STEPS[plan.step].title));
  }
  return { results };
}

/** The `changes` list of a command's JSON answer. */
export function changeLines(results: ReadonlyArray<StepResult>): ReadonlyArray<ChangeLine> {
  return results.map((r) => ({ step: r.step, action: r.action, backup: r.backupPath }));
}
