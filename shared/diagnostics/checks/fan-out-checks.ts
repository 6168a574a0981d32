import { documentsEqual } from '../../diff/semantic-form';
import { filterPolicyFor } from '../../fanout/subscription-filter';
import { queuePolicyAllowsTopic, topicPolicyAllowsS3 } from '../../policy-eval/fan-out-hops';
import type { AccountSnapshot } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';

type FanOut = NonNullable<AccountSnapshot['fanOut']>;

/**
 * The events' path through an SNS fan-out, hop by hop (rule -> topic policy -> subscription -> filter): the topic
 * rule covers the setup, S3 may publish to the topic, and the setup's queue is subscribed with raw delivery and the
 * body filter that reproduces its own scope exactly. The queue policy hop is the queue policy check's.
 */
export function fanOutNotificationCheck(s: AccountSnapshot, c: DiagnosticContext, f: FanOut): DiagnosticCheck {
  const title = 'Bucket notification sends ObjectCreated events to the queue';
  const via = `Through SNS fan-out: rule ${f.ruleId ?? '(no Id)'} sends ${f.ruleScope.events.join(', ')} under "${f.ruleScope.prefix}*${f.ruleScope.suffix}" to topic ${f.topicArn}.`;
  const publish = topicPolicyAllowsS3({ policy: f.topicPolicy, topicArn: f.topicArn, bucketArn: c.bucketArn, accountId: c.accountId });
  if (publish.status === 'denied')
    return check(
      'notification',
      title,
      'fail',
      `${via} But S3 may not publish to the topic: ${publish.reason}`,
      'Apply the SNS fan-out step (it adds statement AllowS3ToPublish to the topic policy).',
      'snsFanOut',
    );
  if (f.subscription === null)
    return check(
      'notification',
      title,
      'fail',
      `${via} But queue ${c.queueArn} is not subscribed to it.`,
      'Apply the SNS fan-out step (it subscribes the queue with raw delivery and its filter).',
      'snsFanOut',
    );
  const wanted = filterPolicyFor({ events: ['s3:ObjectCreated:*'], prefix: c.setup.prefix, suffix: c.setup.suffix }, f.ruleScope);
  const problems = [
    ...(f.subscription.raw ? [] : ['raw message delivery is off, so the queue receives SNS envelopes instead of S3 events']),
    ...(f.subscription.scope === 'MessageBody' ? [] : ['its filter does not apply to the message body']),
    ...(wanted.ok && documentsEqual(wanted.policy, f.subscription.filterPolicy)
      ? []
      : [`its filter is not the one that reproduces "${c.setup.prefix}*${c.setup.suffix}"`]),
  ];
  if (problems.length > 0)
    return check(
      'notification',
      title,
      'fail',
      `${via} The subscription of ${c.queueArn}: ${problems.join('; ')}.`,
      "Apply the SNS fan-out step (it sets the subscription's attributes).",
      'snsFanOut',
    );
  const notes = publish.status === 'allowed' ? '' : ` Cannot be sure that S3 may publish: ${publish.reason}`;
  return check(
    'notification',
    title,
    publish.status === 'allowed' ? 'pass' : 'warn',
    `${via} S3 may publish (${publish.decidedBy ?? '?'}); the queue is subscribed with raw delivery and its own filter.${notes}`,
  );
}

/** Through a fan-out the queue receives from the topic, not from S3: its policy must let the topic send. */
export function fanOutQueuePolicyCheck(s: AccountSnapshot, c: DiagnosticContext, f: FanOut): DiagnosticCheck {
  const title = 'Queue policy lets the fan-out topic send';
  if (s.readErrors.queue) return readFailedCheck('queue-policy', title, s.readErrors.queue);
  if (!s.queueAttributes) return check('queue-policy', title, 'skip', 'No queue to read.');
  const d = queuePolicyAllowsTopic({ policy: s.queueAttributes['Policy'] ?? null, queueArn: c.queueArn, topicArn: f.topicArn, accountId: c.accountId });
  if (d.status === 'allowed') return check('queue-policy', title, 'pass', `Topic ${f.topicArn} may send: ${d.reason}`);
  if (d.status === 'denied')
    return check(
      'queue-policy',
      title,
      'fail',
      `Topic ${f.topicArn} may not send to the queue: ${d.reason}`,
      'Apply the queue policy step (it adds the statement for the fan-out topic).',
      'queuePolicy',
    );
  return check(
    'queue-policy',
    title,
    'warn',
    `Cannot be sure that topic ${f.topicArn} may send: ${d.reason}`,
    'Check the statement named: the wizard cannot know the keys it depends on.',
  );
}
