import { describe, expect, it } from 'vitest';
import { check } from '../../../shared/diagnostics/diagnostic-check';
import { offersPlannedFix, reportFileName, statusCounts } from '../../../renderer/src/diagnostics/check-status';
import { describeExportFile, downloadName, isBaseFile, mimeTypeOf } from '../../../renderer/src/export/export-file-descriptions';

describe('diagnostics helpers', () => {
  const checks = [
    check('bucket', 'Bucket', 'pass', 'ok'),
    check('queue-policy', 'Queue policy', 'fail', 'no allow', 'Apply the queue policy step.', 'queuePolicy'),
    check('trust', 'Trust', 'warn', 'no external id', 'Remove it.', 'roleTrust'),
    check('backlog', 'Backlog', 'warn', 'many', 'Check the platform.'),
    check('permissions', 'Permissions', 'skip', 'no role'),
  ];

  it('counts the statuses, failures first, leaving out the absent ones', () => {
    expect(statusCounts(checks)).toBe('1 failed, 2 warning(s), 1 passed, 1 skipped');
    expect(statusCounts(checks.slice(0, 1))).toBe('1 passed');
    expect(statusCounts([])).toBe('no checks');
  });

  it('offers "Plan the fix" only for a failing or warning check with a step', () => {
    expect(checks.map(offersPlannedFix)).toEqual([false, true, true, false, false]);
  });

  it('names the report files per setup', () => {
    expect(reportFileName('orders', 'json')).toBe('orders-doctor-report.json');
    expect(reportFileName('orders', 'md')).toBe('orders-doctor-report.md');
  });
});

describe('export file helpers', () => {
  it('describes each file of the folder and the live copies in base/', () => {
    for (const name of [
      'README.md',
      'apply.sh',
      'queue-policy.json',
      'bucket-notification.json',
      'trust-policy.json',
      'permissions-policy.json',
      'platform-registration.json',
    ]) {
      expect(describeExportFile(name), name).not.toBe('Part of the export folder.');
    }
    expect(isBaseFile('base/queue-policy.json')).toBe(true);
    expect(isBaseFile('queue-policy.json')).toBe(false);
    expect(describeExportFile('base/queue-policy.json')).toContain('live queue-policy.json');
  });

  it('saves base/ files under a flat name and types downloads by extension', () => {
    expect(downloadName('base/trust-policy.json')).toBe('base-trust-policy.json');
    expect(downloadName('apply.sh')).toBe('apply.sh');
    expect(mimeTypeOf('apply.sh')).toBe('text/x-shellscript');
    expect(mimeTypeOf('README.md')).toBe('text/markdown');
    expect(mimeTypeOf('queue-policy.json')).toBe('application/json');
  });
});
