import { queuePolicyAllowsS3 } from '../../policy-eval/queue-policy-allows-s3';
import { triageQueue, type QueueFacts } from '../../steps/queue-triage';
import type { AccountSnapshot } from '../account-snapshot';
import { evidenceOf } from '../check-evidence';
import { check, withEvidence, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';
import { fanOutQueuePolicyCheck } from './fan-out-checks';
import { countOf } from '../../util/count-of';

const SHARED_FIX = 'Give this data source a dedicated queue (a new queue name in the setup), or remove the other statements if nothing uses them any more.';

/** The queue exists, is standard, is in the setup's Region, its encryption lets S3 deliver (docs/aws-behaviour.md#sqs-queues), and it is not shared. */
export function queueCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Queue exists: standard, same Region, compatible encryption';
  if (s.readErrors.queue) return readFailedCheck('queue', title, s.readErrors.queue);
  if (!s.queueUrl || !s.queueAttributes)
    return check(
      'queue',
      title,
      'fail',
      `Queue ${c.setup.queueName} does not exist in ${c.setup.region}.`,
      'Apply the queue step (it creates the queue).',
      'queue',
    );
  const a = s.queueAttributes;
  const facts: QueueFacts = {
    QueueName: c.setup.queueName,
    QueueArn: a.QueueArn ?? c.queueArn,
    FifoQueue: a.FifoQueue ?? 'false',
    ...(a.KmsMasterKeyId ? { KmsMasterKeyId: a.KmsMasterKeyId } : {}),
  };
  if (facts.QueueArn.split(':')[3] !== c.setup.region) {
    return check('queue', title, 'fail', `Queue ${facts.QueueArn} is not in ${c.setup.region}.`, `Use a queue in ${c.setup.region}.`, 'queue');
  }
  const triage = triageQueue(facts, a.Policy ?? null);
  if (triage.error) return check('queue', title, 'fail', triage.error.message, triage.error.fix ?? null, 'queue');
  const encryption = a.KmsMasterKeyId ? `SSE-KMS (${a.KmsMasterKeyId})` : a.SqsManagedSseEnabled === 'true' ? 'SSE-SQS' : 'not encrypted';
  // The key's policy is judged by its own check (kms-key-check.ts).
  if (triage.warnings.length > 0) {
    return check('queue', title, 'warn', `Standard queue ${facts.QueueArn}, encryption ${encryption}. ${triage.warnings.join(' ')}`, SHARED_FIX);
  }
  return check('queue', title, 'pass', `Standard queue ${facts.QueueArn}, encryption ${encryption}.`);
}

/** The queue policy lets S3 send from this bucket and account, checked semantically (a hand-written equivalent passes). */
export function queuePolicyCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Queue policy lets S3 send from this bucket';
  if (s.readErrors.queue) return readFailedCheck('queue-policy', title, s.readErrors.queue);
  if (!s.queueAttributes) return check('queue-policy', title, 'skip', 'No queue to read.');
  if (s.fanOut) return fanOutQueuePolicyCheck(s, c, s.fanOut);
  const policy = s.queueAttributes.Policy;
  if (!policy) return check('queue-policy', title, 'fail', 'The queue has no policy: S3 cannot send to it.', 'Apply the queue policy step.', 'queuePolicy');
  const d = queuePolicyAllowsS3({ policy, queueArn: c.queueArn, bucketArn: c.bucketArn, accountId: c.bucketOwner });
  const notes = d.caveats.map((x) => ` Note: ${x}.`).join('');
  const who = `S3 sending from ${c.bucketArn} (account ${c.bucketOwner})`;
  const evidence = [evidenceOf(`s3.amazonaws.com for ${c.bucketArn}`, 'sqs:SendMessage', c.queueArn, d)];
  if (d.status === 'depends' || d.status === 'cannot-evaluate') {
    const fix = `Check statement ${d.decidedBy ?? '(unnamed)'} of the queue policy: S3 delivers from AWS's network, with no VPC endpoint and no organisation of the caller.`;
    return withEvidence(check('queue-policy', title, 'warn', `Cannot be sure about ${who}: ${d.reason}${notes}`, fix), evidence);
  }
  if (!d.allowed && d.decidedBy !== null) {
    // The queue policy step keeps other statements, so it cannot lift someone else's explicit Deny.
    const fix = `Remove or narrow statement ${d.decidedBy} in the queue policy (SQS console > queue > Access policy): an explicit Deny wins over any Allow.`;
    return withEvidence(check('queue-policy', title, 'fail', `${who} is refused: ${d.reason}${notes}`, fix), evidence);
  }
  if (!d.allowed)
    return withEvidence(
      check(
        'queue-policy',
        title,
        'fail',
        `${who} is refused: ${d.reason}${notes}`,
        'Apply the queue policy step (it adds or replaces statement AllowS3ToSendMessage, keeping the others).',
        'queuePolicy',
      ),
      evidence,
    );
  return withEvidence(check('queue-policy', title, 'pass', `Allowed by statement ${d.decidedBy ?? '(unnamed)'}: ${d.reason}${notes}`), evidence);
}

/** Backlog as a hint: many visible messages mean the platform is not consuming (yet). */
export function backlogCheck(s: AccountSnapshot): DiagnosticCheck {
  const title = 'Queue backlog (hint)';
  if (s.readErrors.queue) return readFailedCheck('backlog', title, s.readErrors.queue);
  if (!s.queueAttributes) return check('backlog', title, 'skip', 'No queue to read.');
  const visible = Number(s.queueAttributes.ApproximateNumberOfMessages ?? '0');
  const inFlight = Number(s.queueAttributes.ApproximateNumberOfMessagesNotVisible ?? '0');
  const detail = `${countOf(visible, 'message')} waiting, ${inFlight} in flight.`;
  if (visible > 100 && inFlight === 0)
    return check(
      'backlog',
      title,
      'warn',
      `${detail} Nothing is being received: the platform may not be consuming yet.`,
      'Check that the data source and its integration task are created and running on the platform.',
    );
  return check('backlog', title, 'pass', inFlight > 0 ? `${detail} Messages in flight suggest the platform is consuming.` : detail);
}
