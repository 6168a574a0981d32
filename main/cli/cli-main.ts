import { parseArgs } from 'node:util';
import { createDispatcher } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { Session } from '../api/session';
import { listProfilesText, whoamiText } from './cli-format';
import { EXIT, exitCodeFor, printError } from './cli-output';

const USAGE = `Usage: sqs-s3-wizard <command> [options]

Commands:
  profiles              List local AWS profiles (name, kind, Region); never prints a secret
  whoami                Connect with a profile and show the account and ARN (sts:GetCallerIdentity)

Options:
  --profile NAME        AWS profile (default: AWS_PROFILE, else "default")
  --region CODE         AWS Region (default: AWS_REGION, else the profile's region)
  --mfa-code CODE       MFA code for a profile with mfa_serial
  --json                Print results as JSON on stdout
  -h, --help            Show this help

Exit codes: 0 done, 1 failed, 2 bad input. Progress goes to stderr, results to stdout.`;

/** The CLI front end: parses flags, then calls the same handler table as the GUI through the dispatcher. */
async function main(argv: ReadonlyArray<string>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        region: { type: 'string' },
        'mfa-code': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? EXIT.ok : EXIT.badInput;
  }
  const json = values.json ?? false;
  const dispatch = createDispatcher({
    handlers,
    session: new Session(process.env),
    frontEnd: 'cli',
    emit: (event) => process.stderr.write(`... ${event.message}\n`),
  });

  const listing = await dispatch({ channel: 'profiles.list', input: {} });
  if (!listing.ok) return fail(listing.error, json);
  const profiles = listing.value as Awaited<ReturnType<typeof import('../aws/profiles').listProfiles>>;

  switch (command) {
    case 'profiles':
      process.stdout.write(json ? `${JSON.stringify(profiles, null, 2)}\n` : listProfilesText(profiles));
      return EXIT.ok;
    case 'whoami': {
      const profile = values.profile ?? profiles.selected ?? 'default';
      const region = values.region ?? process.env.AWS_REGION ?? profiles.profiles.find((p) => p.name === profile)?.region ?? profiles.region;
      if (!region) {
        return fail({ code: 'BAD_INPUT', message: 'No Region: the profile has none and AWS_REGION is not set.', fix: 'Pass --region, e.g. --region us-east-1.' }, json);
      }
      const result = await dispatch({
        channel: 'session.connect',
        input: { profile, region, ...(values['mfa-code'] ? { mfaCode: values['mfa-code'] } : {}) },
      });
      if (!result.ok) return fail(result.error, json);
      process.stdout.write(json ? `${JSON.stringify(result.value, null, 2)}\n` : whoamiText(result.value as never));
      return EXIT.ok;
    }
    default:
      process.stderr.write(`error: unknown command ${JSON.stringify(command)}\n\n${USAGE}\n`);
      return EXIT.badInput;
  }
}

function fail(error: Parameters<typeof printError>[0], json: boolean): number {
  printError(error, json);
  return exitCodeFor(error);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(EXIT.failed);
  },
);
