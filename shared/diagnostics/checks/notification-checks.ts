import { buildQueueConfiguration } from '../../policy/build-bucket-notification';
import { eventCovers } from '../../policy/event-type-overlap';
import { keyFilterOf } from '../../policy/notification-document';
import { findOverlaps } from '../../policy/notification-overlap';
import type { AccountSnapshot } from '../account-snapshot';
import { check, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';
import { fanOutNotificationCheck } from './fan-out-checks';

/** The bucket sends ObjectCreated events for the setup's prefix/suffix to this queue. */
export function notificationCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'Bucket notification sends ObjectCreated events to the queue';
  if (s.readErrors.notification) return readFailedCheck('notification', title, s.readErrors.notification);
  if (!s.notification) return check('notification', title, 'skip', 'No bucket to read.');
  if (s.readErrors.fanOut) return readFailedCheck('notification', title, s.readErrors.fanOut);
  if (s.fanOut) return fanOutNotificationCheck(s, c, s.fanOut);
  const ours = (s.notification.QueueConfigurations ?? []).filter((q) => q.QueueArn === c.queueArn);
  const fix = 'Apply the bucket notification step (it adds or replaces our rule and keeps the others).';
  if (ours.length === 0) return check('notification', title, 'fail', `No notification rule sends to ${c.queueArn}.`, fix, 'bucketNotification');
  const good = ours.find((q) => {
    const f = keyFilterOf(q.Filter);
    return (
      q.Events.some((e) => eventCovers(e, 's3:ObjectCreated:*') || e === 's3:ObjectCreated:*') && f.prefix === c.setup.prefix && f.suffix === c.setup.suffix
    );
  });
  if (!good) {
    const seen = ours.map((q) => `${q.Id ?? '(no Id)'}: events ${q.Events.join(', ')}, filter ${JSON.stringify(keyFilterOf(q.Filter))}`).join('; ');
    return check(
      'notification',
      title,
      'fail',
      `The rule for the queue does not match the setup (prefix "${c.setup.prefix}", suffix "${c.setup.suffix}", s3:ObjectCreated:*): ${seen}.`,
      fix,
      'bucketNotification',
    );
  }
  const sends = `Rule ${good.Id ?? '(no Id)'} sends ${good.Events.join(', ')} for prefix "${c.setup.prefix}" and suffix "${c.setup.suffix}".`;
  const others = ours.filter((q) => q !== good);
  if (others.length > 0) {
    // Events outside the setup's prefix/suffix would reach the platform too: the platform's guide asks for a dedicated queue.
    const list = others.map((q) => `${q.Id ?? '(no Id)'} (events ${q.Events.join(', ')}, filter ${JSON.stringify(keyFilterOf(q.Filter))})`).join('; ');
    return check(
      'notification',
      title,
      'warn',
      `${sends} Other rule(s) of the bucket send to the same queue: ${list}; the platform would receive their events too.`,
      'Remove the other rule(s) from the bucket notification, or send them to another queue.',
    );
  }
  return check('notification', title, 'pass', sends);
}

/** No other rule overlaps ours (AWS would refuse the document: "Configuration is ambiguously defined"). */
export function overlapCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  const title = 'No overlapping notification rule';
  if (s.readErrors.notification) return readFailedCheck('overlap', title, s.readErrors.notification);
  if (!s.notification) return check('overlap', title, 'skip', 'No notification document to read.');
  const ours = buildQueueConfiguration({ queueName: c.setup.queueName, queueArn: c.queueArn, prefix: c.setup.prefix, suffix: c.setup.suffix });
  // Through a fan-out, the topic rule that carries the setup's events is its own way in, not a conflict.
  const conflicts = findOverlaps(ours, s.notification).filter((x) => x.arn !== c.queueArn && !(s.fanOut && x.arn === s.fanOut.topicArn));
  if (conflicts.length > 0) {
    const list = conflicts.map((x) => `${x.kind} ${x.id ?? `#${x.index}`} (${x.arn}): ${x.reason}`).join('; ');
    return check(
      'overlap',
      title,
      'fail',
      `Overlapping rule(s): ${list}.`,
      "Narrow the other rule or the setup's prefix/suffix so they no longer overlap, then apply the bucket notification step.",
      'bucketNotification',
    );
  }
  return check('overlap', title, 'pass', "No other rule overlaps the setup's prefix/suffix for ObjectCreated events.");
}
