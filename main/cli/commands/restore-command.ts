import { existsSync } from 'node:fs';
import { ApiFailure, apiError } from '../../../shared/contract/api-error';
import type { CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { confirmOnTerminal } from '../confirm';
import { EXIT, writeStdout } from '../cli-output';
import { formatPlan } from '../format-plan';

/** `restore --backup FILE --yes [--keep-ours]`: shows live vs backup (or the backup with the setup's part kept), then restores (the live document is backed up first). */
export async function restoreCommand(call: CliCall, flags: CliFlags): Promise<number> {
  if (!flags.backup) throw new ApiFailure(apiError('BAD_INPUT', 'Missing --backup FILE.', { fix: 'Pass a backup file written by apply.' }));
  // A path typed on the command line that names no file is bad input (exit 2), checked before connecting.
  if (!existsSync(flags.backup)) {
    throw new ApiFailure(
      apiError('BAD_INPUT', `Backup file ${flags.backup} does not exist.`, {
        fix: 'Check the path: pass a backup file written by apply (backups/<setup name>/ in the data directory, or --backup-dir).',
      }),
    );
  }
  await connectCli(call, flags);
  const keepOurs = flags['keep-ours'] ?? false;
  const plan = await call('backups.planRestore', { path: flags.backup, keepOurs });
  process.stderr.write(formatPlan(plan));
  const own = plan.ownPart;
  if (own?.removesOurs && !keepOurs) {
    process.stderr.write(`   warning: restoring this backup as it is takes out the part of setup ${own.setupName}: ${own.consequence}\n`);
    process.stderr.write(
      own.keepOursRefused
        ? `   its part cannot be kept: ${own.keepOursRefused.message}\n`
        : `   pass --keep-ours to restore the others' parts and keep the part of setup ${own.setupName}, then run doctor.\n`,
    );
  }
  if (plan.action === 'unchanged') {
    writeStdout(
      flags.json
        ? `${JSON.stringify({ action: 'unchanged', resource: plan.resource }, null, 2)}\n`
        : 'The live document already equals the backup: nothing to restore.\n',
    );
    return EXIT.ok;
  }
  if (!flags.yes && !(await confirmOnTerminal('Restore this backup?'))) {
    throw new ApiFailure(apiError('BAD_INPUT', 'Not confirmed (pass --yes when not on a terminal). Nothing was written.', { fix: 'Run restore with --yes.' }));
  }
  const result = await call('backups.restore', { path: flags.backup, basis: plan.basis, keepOurs });
  writeStdout(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `Restored ${result.resource} (the live document was backed up to ${result.backupPath}).\n`);
  return EXIT.ok;
}
