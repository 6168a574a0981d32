import type { AccountSnapshot } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';

/** Credentials work and belong to the setup's account (the one it was applied in). */
export function credentialsCheck(s: AccountSnapshot): DiagnosticCheck {
  const title = 'Credentials and account';
  if (s.expectedAccount && s.expectedAccount !== s.callerAccount) {
    return check(
      'credentials',
      title,
      'fail',
      `Connected to account ${s.callerAccount} as ${s.callerArn}, but the setup was applied in ${s.expectedAccount}.`,
      `Connect with a profile of account ${s.expectedAccount}.`,
    );
  }
  return check('credentials', title, 'pass', `Account ${s.callerAccount}, identity ${s.callerArn}.`);
}

/** The bucket exists and is in the setup's Region (S3 only notifies queues in its own Region). */
export function bucketCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = "Bucket exists, in the setup's Region";
  if (s.readErrors.bucket) return readFailedCheck('bucket', title, s.readErrors.bucket);
  if (s.bucketRegion === null)
    return check(
      'bucket',
      title,
      'fail',
      `Bucket ${c.setup.bucket} does not exist or is not visible to this identity.`,
      'Check the bucket name in the setup and that this account owns it.',
    );
  if (s.bucketRegion !== c.setup.region) {
    return check(
      'bucket',
      title,
      'fail',
      `Bucket ${c.setup.bucket} is in ${s.bucketRegion}; the setup's Region is ${c.setup.region}.`,
      `Set the setup's Region to ${s.bucketRegion} and apply again (the queue must be in the bucket's Region).`,
    );
  }
  return check('bucket', title, 'pass', `Bucket ${c.setup.bucket} is in ${s.bucketRegion}.`);
}

/** Informational: whether EventBridge delivery is on for the bucket (not needed by the platform). */
export function eventBridgeCheck(s: AccountSnapshot): DiagnosticCheck {
  const title = 'EventBridge delivery (informational)';
  if (s.readErrors.notification) return readFailedCheck('eventbridge', title, s.readErrors.notification);
  if (!s.notification) return check('eventbridge', title, 'skip', 'No bucket to read.');
  const on = s.notification.EventBridgeConfiguration !== undefined;
  return check(
    'eventbridge',
    title,
    'pass',
    on ? 'EventBridge is enabled on the bucket; the wizard keeps it as it is.' : 'EventBridge is not enabled on the bucket (not needed by the platform).',
  );
}
