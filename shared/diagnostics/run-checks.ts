import type { Setup } from '../setup/setup';
import type { AccountSnapshot } from './account-snapshot';
import { bucketCheck, credentialsCheck, eventBridgeCheck } from './checks/account-and-bucket-checks';
import { notificationCheck, overlapCheck } from './checks/notification-checks';
import { kmsKeyCheck } from './checks/kms-key-check';
import { backlogCheck, queueCheck, queuePolicyCheck } from './checks/queue-checks';
import { permissionsCheck } from './checks/permissions-check';
import { roleCheck, trustCheck } from './checks/role-checks';
import type { DiagnosticCheck } from './diagnostic-check';
import { diagnosticContext } from './diagnostic-context';

/** Every read-only check over one snapshot of the account, in the order an admin reads them. */
export function runChecks(setup: Setup, snapshot: AccountSnapshot): ReadonlyArray<DiagnosticCheck> {
  const c = diagnosticContext(setup, snapshot.callerAccount);
  return [
    credentialsCheck(snapshot),
    bucketCheck(snapshot, c),
    queueCheck(snapshot, c),
    queuePolicyCheck(snapshot, c),
    kmsKeyCheck(snapshot, c),
    notificationCheck(snapshot, c),
    overlapCheck(snapshot, c),
    eventBridgeCheck(snapshot),
    roleCheck(snapshot, c),
    trustCheck(snapshot, c),
    permissionsCheck(snapshot, c),
    backlogCheck(snapshot),
  ];
}
