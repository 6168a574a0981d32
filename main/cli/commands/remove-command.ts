import { planChoicesOf, type CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { countOf } from '../../../shared/util/count-of';
import { EXIT, writeStdout } from '../cli-output';
import { formatPlan } from '../format-plan';
import { loadSetupFile } from '../load-setup-file';
import { changeLines, confirmOrRefuse, reportBlocked, writeInOrder } from '../planned-run';

/**
 * `remove --setup FILE --yes`: plans the removal of every document first (nothing is written when one is blocked),
 * then takes out exactly what the setup owns, each document through the guarded write, in REMOVAL_ORDER. A queue
 * that still holds messages is kept unless --delete-queue-with-messages. A second remove finds no change.
 */
export async function removeCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const { setup, warnings } = await loadSetupFile(flags.setup);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  await connectCli(call, flags, setup.region);
  const options = { deleteQueueWithMessages: flags['delete-queue-with-messages'] ?? false, ...planChoicesOf(flags) };
  const plans = await call('remove.plan', { setup, ...options });
  if (reportBlocked(plans, flags, 'document(s) cannot be changed')) return EXIT.failed;
  if (!flags.json) for (const plan of plans) process.stderr.write(formatPlan(plan));
  const choices = plans.flatMap((p) => (p.choice ? [p.choice] : []));
  for (const choice of choices) process.stderr.write(`question: ${choice.question} Pass --delete-queue-with-messages to delete it.\n`);
  const writes = plans.filter((p) => p.action !== 'unchanged').length;
  if (writes > 0)
    await confirmOrRefuse(
      flags,
      `Remove setup ${setup.name} from AWS (${countOf(writes, 'change')})?`,
      'remove',
      'Review the plan above, then run remove with --yes.',
    );
  else if (!flags.json) writeStdout('Nothing of this setup is left to remove: no change.\n');
  const written = await writeInOrder(plans, (plan) => call('remove.apply', { setup, step: plan.step, basis: plan.basis, ...options }), flags);
  if ('exitCode' in written) return written.exitCode;
  const kept = plans.flatMap((p) => (p.action === 'unchanged' ? p.notes.map((note) => `${p.title}: ${note}`) : []));
  if (flags.json) {
    writeStdout(`${JSON.stringify({ ok: true, setup: setup.name, changes: changeLines(written.results), kept, questions: choices }, null, 2)}\n`);
  } else {
    for (const line of kept) writeStdout(`kept: ${line}\n`);
    writeStdout(`Setup ${setup.name} is marked removed${writes > 0 ? '' : ' (nothing was written)'}.\n`);
  }
  return EXIT.ok;
}
