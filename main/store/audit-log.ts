import { appendFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDataDir } from './data-dir';

/** How a change ended: written, failed, or stopped because the live document changed since the plan. */
export type AuditOutcome = 'ok' | 'failed' | 'drift';

/** One change the wizard made or tried (who, what, where, with which backup). Never a credential. */
export interface AuditInput {
  readonly setupName: string;
  readonly step: string;
  readonly action: string;
  readonly resource: string;
  readonly callerArn: string;
  readonly backupPath: string | null;
  readonly outcome: AuditOutcome;
  readonly message?: string;
}

/** An audit line as stored: the entry with the time it was written. */
export interface AuditEntry extends AuditInput {
  readonly at: string;
}

/** The audit log's file name inside the data directory. */
export const AUDIT_FILE = 'audit.log';

/** The audit log's path. */
export function auditLogPath(dataDir: string): string {
  return join(resolve(dataDir), AUDIT_FILE);
}

/** Appends one JSON line with O_APPEND (one write per line, so concurrent writers never interleave within a line). */
export async function appendAudit(dataDir: string, entry: AuditInput): Promise<AuditEntry> {
  await ensureDataDir(resolve(dataDir));
  const line: AuditEntry = { at: new Date().toISOString(), ...entry };
  const path = auditLogPath(dataDir);
  // Synchronous, as every small file of the data directory (main/store/atomic-write.ts).
  appendFileSync(path, `${JSON.stringify(line)}\n`, { encoding: 'utf8', mode: 0o600, flag: 'a' });
  // appendFile's mode applies only when it creates the file; keep an existing log owner-only too.
  chmodSync(path, 0o600);
  return line;
}
