import { AsyncLocalStorage } from 'node:async_hooks';
import type { OperationReads } from './operation-reads';
import type { RecentWrites } from './recent-writes';

/** What AWS modules may know about the operation they run in: where to report a retry, and what it wrote recently. */
export interface OperationScope {
  /** Shows a line in the operation's progress (GUI progress line, CLI stderr). */
  readonly report: (message: string) => void;
  /** The writes of this workspace (a new role, a just-written queue policy): eventual consistency explains errors about them. */
  readonly recentWrites: RecentWrites;
  /** The operation's reads since its last write, shared by identical calls (operation-reads.ts). */
  readonly reads?: OperationReads;
}

const scopes = new AsyncLocalStorage<OperationScope>();

/** Runs one API operation with its scope, so retries deep inside the SDK's middleware reach its progress (docs/ARCHITECTURE.md#retries-and-eventual-consistency). */
export function runInOperation<T>(scope: OperationScope, run: () => Promise<T>): Promise<T> {
  return scopes.run(scope, run);
}

/** The running operation's scope; undefined outside an API call (a test calling a module directly). */
export function currentOperation(): OperationScope | undefined {
  return scopes.getStore();
}

/** Reports a line to the running operation's progress, if any. */
export function reportProgress(message: string): void {
  scopes.getStore()?.report(message);
}
