import { ApiFailure } from '../../shared/contract/api-error';
import { parseCli, type CliFlags } from './cli-flags';
import { cancelOnSignal, EXIT_INTERRUPTED } from './cancel-on-signal';
import type { CliCall } from './cli-api';
import { EXIT, exitCodeFor, printError, writeStdout } from './cli-output';
import { silenceSdkNodeVersionNotice } from '../aws/sdk-node-warning';

const USAGE = `Usage: sqs-s3-wizard <command> [options]

Commands:
  profiles                      List local AWS profiles (name, kind, Region); never prints a secret
  whoami                        Connect and show the account and ARN (sts:GetCallerIdentity)
  plan --setup FILE             Show each step's diff against the live account; writes nothing
        [--resolve-overlap fan-out]
  apply --setup FILE --yes      Plan every step, then apply them in order with backups
        [--skip-test] [--test-timeout SECONDS] [--backup-dir DIR] [--resolve-overlap fan-out]
  restore --backup FILE --yes   Put a backed-up document back (the live one is backed up first)
        [--keep-ours]           restore the others' parts, keep the setup's own statement or rule
  remove --setup FILE --yes     Take the setup out of AWS: its rule, statements and inline policy; the queue
        [--delete-queue-with-messages]  and role only when it created them and nothing else uses them
  doctor --setup FILE [--live]  Named checks of a configured account (--live adds the live test)
        [--report DIR]          also write doctor-report.json and doctor-report.md
  export --setup FILE --out DIR Write the change-control folder (documents, apply.sh, README)
        [--account-id ID]       offline: no connection, documents NOT merged with the live ones

Options:
  --profile NAME        AWS profile (default: AWS_PROFILE, else "default")
  --region CODE         Region for the connection (default: the setup's, AWS_REGION, the profile's)
  --mfa-code CODE       MFA code for a profile with mfa_serial
  --backup-dir DIR      Where apply and remove write backups (default: the app's data directory)
  --skip-test           apply: skip the live upload-and-receive test
  --delete-queue-with-messages  remove: also delete a queue the setup created that still holds messages
  --remove-stale-rule ID  plan/apply/remove: remove another team's bucket rule whose destination no longer exists
                        (S3 refuses the whole configuration while it is there); repeat for several; shown in the diff
  --keep-ours           restore: the backup's document with the setup's own part kept (delivery goes on)
  --test-timeout SECS   apply: how long the live test waits for the event (default 120, max 900)
  --out DIR             export: a new or empty folder for the files
  --account-id ID       export: work offline for this 12-digit account ID
  --resolve-overlap fan-out  plan, apply, export: resolve a rule that overlaps another with an SNS fan-out
  --json                Print results as one JSON object on stdout
  -h, --help            Show this help

Exit codes: 0 done, 1 a step or check failed, 2 bad input (nothing written), 130 interrupted (Ctrl-C: the running
operation is cancelled and cleans up first; press Ctrl-C again to quit at once).
Progress goes to stderr, results to stdout.`;

/** The fix printed for a command line that cannot be parsed. */
const HELP_FIX = `Use one of the commands and options below (sqs-s3-wizard --help), e.g. sqs-s3-wizard plan --setup my-setup.json`;

type Command = (call: CliCall, flags: CliFlags) => Promise<number>;

/** Each command's module, loaded when it runs: `--help` and `profiles` never load what `apply` needs (BENCHMARKS.md, start-up). */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  profiles: async () => (await import('./commands/profile-commands')).profilesCommand,
  whoami: async () => (await import('./commands/profile-commands')).whoamiCommand,
  plan: async () => (await import('./commands/plan-command')).planCommand,
  apply: async () => (await import('./commands/apply-command')).applyCommand,
  restore: async () => (await import('./commands/restore-command')).restoreCommand,
  remove: async () => (await import('./commands/remove-command')).removeCommand,
  doctor: async () => (await import('./commands/doctor-command')).doctorCommand,
  export: async () => (await import('./commands/export-command')).exportCommand,
};

/** The CLI front end: parses flags, then calls the same handler table as the GUI through the dispatcher. */
async function main(argv: ReadonlyArray<string>): Promise<number> {
  silenceSdkNodeVersionNotice();
  let parsed;
  try {
    parsed = parseCli(argv);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\nfix: ${HELP_FIX}\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  const { values: flags, positionals } = parsed;
  const command = positionals[0];
  if (flags.help) {
    writeStdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (!command) {
    process.stderr.write(`error: no command given.\nfix: ${HELP_FIX}\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`error: unknown command ${JSON.stringify(command)}.\nfix: ${HELP_FIX}\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  // The engine (dispatcher, API contract, handler table) loads only once a command runs: --help never pays for it.
  const [{ Workspace }, { cliApi }] = await Promise.all([import('../api/workspace'), import('./cli-api')]);
  const workspace = new Workspace(process.env, flags['backup-dir'] ? { backupDir: flags['backup-dir'] } : {});
  const api = cliApi(workspace);
  const signals = cancelOnSignal(api.cancelRunning);
  let code: number;
  try {
    code = await (await load())(api.call, flags);
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    printError(err.error, flags.json ?? false);
    code = exitCodeFor(err.error);
  }
  return signals.interrupted() ? EXIT_INTERRUPTED : code;
}

/** Defined by the build (scripts/build.mjs): true in dist/main/cli-start-up.cjs, the small bundle of the commands that call no AWS. */
declare const START_UP_BUNDLE: boolean;

/** The commands the start-up bundle runs itself, with --help and a command line without a command: they start like a bare Node (BENCHMARKS.md). */
const START_UP_COMMANDS: ReadonlySet<string> = new Set(['profiles']);

/** True when this bundle runs the command line: the full bundle runs every one, the start-up bundle only its own. */
function runsHere(argv: ReadonlyArray<string>): boolean {
  if (!START_UP_BUNDLE) return true;
  try {
    const { values, positionals } = parseCli(argv);
    return values.help || positionals[0] === undefined || START_UP_COMMANDS.has(positionals[0]);
  } catch {
    return true;
  }
}

/**
 * Set, before anything else ran, when the start-up bundle does not hold the command: the launcher (bin/sqs-s3-wizard.cjs)
 * then runs the full bundle, which shares nothing with this one.
 */
export let handedOver = false;

const argv = process.argv.slice(2);
if (!runsHere(argv)) handedOver = true;
else
  main(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(
        `error: unexpected failure: ${err instanceof Error ? err.message : String(err)}\nfix: Check the message above; if it persists, report it with the command you ran.\n`,
      );
      process.exit(EXIT.failed);
    },
  );
