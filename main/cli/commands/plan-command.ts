import { planChoicesOf, type CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { EXIT, writeStdout } from '../cli-output';
import { formatPlan } from '../format-plan';
import { loadSetupFile, withOverlapResolution } from '../load-setup-file';

/** `plan --setup FILE`: each step's diff against the live account; writes nothing. Exit 1 when a step is blocked. */
export async function planCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const loaded = await loadSetupFile(flags.setup);
  const setup = withOverlapResolution(loaded.setup, flags['resolve-overlap']);
  const { warnings } = loaded;
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  await connectCli(call, flags, setup.region);
  const plans = await call('steps.planAll', { setup, ...planChoicesOf(flags) });
  if (flags.json) writeStdout(`${JSON.stringify({ plans }, null, 2)}\n`);
  else for (const plan of plans) writeStdout(formatPlan(plan));
  return plans.some((p) => p.blocked) ? EXIT.failed : EXIT.ok;
}
