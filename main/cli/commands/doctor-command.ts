import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DoctorReport } from '../../../shared/diagnostics/diagnostic-check';
import { AWS_STEPS } from '../../../shared/steps/aws-steps';
import { reportMarkdown } from '../../../shared/diagnostics/report-markdown';
import { ApiFailure, apiError } from '../../../shared/contract/api-error';
import type { CliFlags } from '../cli-flags';
import { connectCli, type CliCall } from '../cli-api';
import { EXIT, writeStdout } from '../cli-output';
import { loadSetupFile } from '../load-setup-file';
import { liveTestTimeout } from '../live-test-timeout';

const MARK = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const;

/** `doctor --setup FILE [--live]`: named checks; exit 0 when nothing fails, 1 otherwise, 2 for bad input. */
export async function doctorCommand(call: CliCall, flags: CliFlags): Promise<number> {
  const { setup } = await loadSetupFile(flags.setup);
  const timeoutSeconds = liveTestTimeout(flags['test-timeout']);
  if (flags.report) await prepareReportDir(flags.report);
  await connectCli(call, flags, setup.region);
  const report = await call('doctor.run', { setup, live: flags.live ?? false, timeoutSeconds });
  if (flags.report) await writeReport(flags.report, report);
  if (flags.json) writeStdout(`${JSON.stringify(report, null, 2)}\n`);
  else writeStdout(reportText(report, flags.setup ?? 'FILE'));
  return report.ok ? EXIT.ok : EXIT.failed;
}

/** The report for a terminal: one line per check, details and fixes indented; a fix a step makes names the command that plans it. */
export function reportText(report: DoctorReport, setupFile = 'FILE'): string {
  const lines = report.checks.flatMap((c) => [
    `[${MARK[c.status]}] ${c.title}`,
    `       ${c.detail}`,
    ...(c.fix ? [`       fix: ${c.fix}`] : []),
    ...(c.fixStep
      ? [`       planned by: sqs-s3-wizard apply --setup ${setupFile} (the ${AWS_STEPS[c.fixStep].title} step shows its diff before writing)`]
      : []),
  ]);
  lines.push('', `${report.ok ? 'No failures.' : 'Failures found.'} Permissions evaluated by ${report.permissionsEvaluatedBy}.`);
  return `${lines.join('\n')}\n`;
}

/** Creates the --report folder before any check runs, so a path that cannot be a folder is bad input, not a late failure. */
async function prepareReportDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why = { ENOTDIR: 'part of the path is a file', EEXIST: 'a file has that name', EACCES: 'permission denied' }[code] ?? code;
    throw new ApiFailure(
      apiError('BAD_INPUT', `--report ${dir}: cannot create that folder (${why}).`, { fix: 'Pass a folder you can write to, e.g. --report doctor-out' }),
    );
  }
}

async function writeReport(dir: string, report: DoctorReport): Promise<void> {
  await writeFile(join(dir, 'doctor-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'doctor-report.md'), reportMarkdown(report));
  process.stderr.write(`Report written to ${join(dir, 'doctor-report.json')} and doctor-report.md\n`);
}
