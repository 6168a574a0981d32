import type { CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { EXIT, writeStdout } from '../cli-output';
import { listProfilesText, whoamiText } from '../cli-format';

/** `profiles`: local profiles with kind and Region, never a secret. */
export async function profilesCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const listing = await call('profiles.list', {});
  writeStdout(flags.json ? `${JSON.stringify(listing, null, 2)}\n` : listProfilesText(listing));
  return EXIT.ok;
}

/** `whoami`: connect and show the account and ARN (sts:GetCallerIdentity). */
export async function whoamiCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const connection = await connectCli(call, flags);
  writeStdout(flags.json ? `${JSON.stringify(connection, null, 2)}\n` : whoamiText(connection));
  return EXIT.ok;
}
