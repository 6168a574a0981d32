import { readFileSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditLogPath, type AuditEntry, type AuditInput } from '../../../main/store/audit-log';
import { permissions, useTempDir } from './temp-dir';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const entry: AuditInput = {
  setupName: 'orders-prod',
  step: 'queuePolicy',
  action: 'sqs:SetQueueAttributes',
  resource: 'arn:aws:sqs:us-east-1:123456789012:orders',
  callerArn: 'arn:aws:iam::123456789012:user/admin',
  backupPath: '/data/backups/orders-prod/20261124T234501.123Z-queue-policy.json',
  outcome: 'ok',
};

/** The log's entries: one JSON object per line (the wizard only appends; people and tools read it). */
function readLog(dir: string): ReadonlyArray<AuditEntry> {
  return readFileSync(auditLogPath(dir), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

describe('audit log', () => {
  const tempDir = useTempDir();

  it('appends one JSON line per entry with the time first', async () => {
    const dir = tempDir();
    const first = await appendAudit(dir, entry);
    await appendAudit(dir, { ...entry, outcome: 'drift', backupPath: null, message: 'The queue policy changed since the plan.' });
    const lines = readFileSync(auditLogPath(dir), 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(Object.keys(JSON.parse(lines[0] ?? '') as object)[0]).toBe('at');
    expect(JSON.parse(lines[0] ?? '')).toEqual(first);
    const read = readLog(dir);
    expect(read.map((e) => e.outcome)).toEqual(['ok', 'drift']);
    expect(read[1]).toMatchObject({ backupPath: null, message: 'The queue policy changed since the plan.' });
  });

  it('never rewrites earlier lines: existing bytes stay a prefix of the file', async () => {
    const dir = tempDir();
    await appendAudit(dir, entry);
    const before = readFileSync(auditLogPath(dir), 'utf8');
    await appendAudit(dir, { ...entry, outcome: 'failed' });
    expect(readFileSync(auditLogPath(dir), 'utf8').startsWith(before)).toBe(true);
  });

  it('keeps every line whole under simultaneous appends', async () => {
    const dir = tempDir();
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(dir, { ...entry, step: `step-${i}` })));
    const read = readLog(dir);
    expect(read).toHaveLength(50);
    expect(new Set(read.map((e) => e.step)).size).toBe(50);
  });

  posixOnly('creates the log 0600 (and tightens an existing one) in a 0700 data dir', async () => {
    const dir = join(tempDir(), 'data');
    await appendAudit(dir, entry);
    expect(permissions(statSync(auditLogPath(dir)).mode)).toBe(0o600);
    expect(permissions(statSync(dir).mode)).toBe(0o700);
    chmodSync(auditLogPath(dir), 0o644);
    await appendAudit(dir, entry);
    expect(permissions(statSync(auditLogPath(dir)).mode)).toBe(0o600);
  });
});
