import { evaluatePolicies } from '../../policy-eval/evaluate-policies';
import type { PolicyDecision } from '../../policy-eval/policy-request';
import { s3DeliveryContext, snsDeliveryContext } from '../../policy-eval/request-context';
import { KMS_KEY_POLICY_SID } from '../../policy/build-kms-key-statement';
import type { AccountSnapshot } from '../account-snapshot';
import { evidenceOf } from '../check-evidence';
import { check, withEvidence, type DiagnosticCheck } from '../diagnostic-check';
import type { DiagnosticContext } from '../diagnostic-context';
import { readFailedCheck } from '../read-failed-check';

const TITLE = "KMS key policy lets S3 use the queue's key";

/** S3 encrypts each event with the queue's key: it needs both (S3 User Guide, "AWS KMS key policy" for encrypted destinations). */
const S3_KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'] as const;

/**
 * When the queue uses a customer managed KMS key, its key policy must let s3.amazonaws.com generate data keys and
 * decrypt for this bucket (with the context S3 supplies: the bucket as aws:SourceArn, its account), decided by the same
 * engine as every policy check. Its fix is the KMS key policy step (planned, backed up, guarded).
 */
export function kmsKeyCheck(s: AccountSnapshot, c: DiagnosticContext): DiagnosticCheck {
  if (s.readErrors.queue) return readFailedCheck('kms-key', TITLE, s.readErrors.queue);
  if (s.readErrors.kms) return readFailedCheck('kms-key', TITLE, s.readErrors.kms);
  if (!s.queueAttributes) return check('kms-key', TITLE, 'skip', 'No queue to read.');
  const keyId = s.queueAttributes['KmsMasterKeyId'];
  if (!keyId) return check('kms-key', TITLE, 'pass', 'The queue is not encrypted with a KMS key (SSE-SQS or none): S3 needs no key permission.');
  const key = s.kmsKey;
  if (!key)
    return check(
      'kms-key',
      TITLE,
      'fail',
      `The queue names KMS key ${keyId}, which KMS does not know: S3 cannot encrypt events for it.`,
      'Set the queue to an existing key, or to SSE-SQS.',
      'queue',
    );
  if (key.manager === 'AWS')
    return check(
      'kms-key',
      TITLE,
      'fail',
      `The queue uses AWS managed key ${key.arn}, whose policy cannot let S3 use it: S3 cannot send events to this queue.`,
      'Use SSE-SQS or a customer managed key for the queue (the queue step explains how).',
      'queue',
    );
  if (key.state !== 'Enabled')
    return check('kms-key', TITLE, 'fail', `KMS key ${key.arn} is ${key.state}: S3 cannot use it.`, 'Enable the key (KMS console > key > Key actions).');
  const keyAccount = key.arn.split(':')[4] ?? c.accountId;
  // Through an SNS fan-out the topic delivers to the queue, so it is SNS that must use the key, for that topic.
  const fanOut = s.fanOut;
  const decisions: ReadonlyArray<readonly [string, PolicyDecision]> = S3_KMS_ACTIONS.map((action) => [
    action,
    evaluatePolicies([{ name: 'key policy', document: key.policy }], {
      principal: { service: fanOut ? 'sns.amazonaws.com' : 's3.amazonaws.com' },
      action,
      resource: key.arn,
      context: fanOut ? snsDeliveryContext(fanOut.topicArn, c.accountId, keyAccount) : s3DeliveryContext(c.bucketArn, c.bucketOwner, keyAccount),
    }),
  ]);
  const principal = fanOut ? `sns.amazonaws.com for ${fanOut.topicArn}` : `s3.amazonaws.com for ${c.bucketArn}`;
  const evidence = decisions.map(([action, d]) => evidenceOf(principal, action, key.arn, d));
  const notes = [...new Set(decisions.flatMap(([, d]) => d.caveats))].map((x) => ` Note: ${x}.`).join('');
  const lines = decisions.map(([action, d]) => `${action}: ${d.reason}`).join(' ');
  const refused = decisions.find(([, d]) => d.status === 'denied');
  if (refused) {
    const [, d] = refused;
    const byHand = d.decidedBy !== null && d.decidedBy !== KMS_KEY_POLICY_SID;
    const fix = byHand
      ? `Remove or narrow statement ${d.decidedBy} of the key policy of ${key.arn}: an explicit Deny wins over any Allow.`
      : `Apply the KMS key policy step: it adds statement ${KMS_KEY_POLICY_SID} (S3 may use the key for this bucket), keeping every other statement.`;
    return withEvidence(
      check('kms-key', TITLE, 'fail', `S3 may not use key ${key.arn} for ${c.bucketArn}. ${lines}${notes}`, fix, byHand ? null : 'kmsKeyPolicy'),
      evidence,
    );
  }
  if (decisions.some(([, d]) => d.status !== 'allowed'))
    return withEvidence(
      check(
        'kms-key',
        TITLE,
        'warn',
        `Cannot be sure that S3 may use key ${key.arn}. ${lines}${notes}`,
        'Check the statements named: the wizard cannot know the keys they depend on.',
      ),
      evidence,
    );
  return withEvidence(check('kms-key', TITLE, 'pass', `S3 may use key ${key.arn} for ${c.bucketArn}. ${lines}${notes}`), evidence);
}
