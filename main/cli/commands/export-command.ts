import { ApiFailure, apiError } from '../../../shared/contract/api-error';
import { checkExportFolder, writeExportFolder } from '../../export/write-export-folder';
import type { CliFlags } from '../cli-flags';
import { asFlagError, connectCli, type CliCall } from '../cli-api';
import { EXIT, writeStdout } from '../cli-output';
import { loadSetupFile, withOverlapResolution } from '../load-setup-file';

/** Connects for a merged export; a failure also says that --account-id exports without credentials. */
async function connectOrHint(call: CliCall, flags: CliFlags, region: string): Promise<void> {
  try {
    await connectCli(call, flags, region);
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    const fix = `${err.error.fix ?? ''} Or pass --account-id ID to export offline (documents not merged with the live ones).`.trim();
    throw new ApiFailure({ ...err.error, fix });
  }
}

/**
 * `export --setup FILE --out DIR [--account-id ID]` (README, "Export"): the change-control folder. With --account-id it
 * works offline (no connection, documents not merged); otherwise it connects and merges with the live documents.
 */
export async function exportCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const loaded = await loadSetupFile(flags.setup);
  const setup = withOverlapResolution(loaded.setup, flags['resolve-overlap']);
  const { warnings } = loaded;
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const out = flags.out;
  if (!out) throw new ApiFailure(apiError('BAD_INPUT', 'Missing --out DIR.', { fix: 'Pass a new or empty folder: --out change-1234' }));
  await checkExportFolder(out);
  const accountId = flags['account-id'];
  if (accountId === undefined) await connectOrHint(call, flags, setup.region);
  const result = await call('export.build', { setup, ...(accountId === undefined ? {} : { accountId }) }).catch((err: unknown) => {
    throw err instanceof ApiFailure && err.error.code === 'BAD_INPUT' ? new ApiFailure(asFlagError(err.error)) : err;
  });
  const paths = await writeExportFolder(out, result.files);
  const names = result.files.map((f) => f.name);
  if (flags.json) {
    const report = { out, files: names, merged: result.merged, accountId: result.accountId, notes: result.notes };
    writeStdout(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  }
  const how = result.merged
    ? `merged with the live documents of account ${result.accountId}`
    : `OFFLINE for account ${result.accountId}: NOT merged with the live documents`;
  const lines = [`Exported ${paths.length} files to ${out} (${how}):`, ...names.map((n) => `  ${n}`)];
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((n) => `  - ${n}`));
  lines.push('', `Hand the folder to change control; to apply: AWS_PROFILE=<profile> ${out}/apply.sh`);
  writeStdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
