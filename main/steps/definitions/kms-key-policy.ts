import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { isJsonObject, type JsonObject } from '../../../shared/diff/json-object';
import { kmsStatementCoversBucket, kmsStatementSources } from '../../../shared/neighbours/kms-key-users';
import { conditionValues, readableStatements } from '../../../shared/neighbours/policy-statements';
import { parseArn } from '../../../shared/policy/arns';
import { KMS_KEY_POLICY_SID, KMS_KEY_POLICY_SNS_SID, kmsKeyStatementForS3, kmsKeyStatementForTopic } from '../../../shared/policy/build-kms-key-statement';
import { fanOutChoiceOf } from './sns-fan-out';
import { mergeKmsKeyPolicy } from '../../../shared/policy/merge-kms-key-policy';
import { withoutOurStatements } from '../../../shared/policy/remove-ours';
import { awsManagedKeyRefusal, namesAwsManagedSqsKey } from '../../../shared/steps/queue-triage';
import { describeKey, getKeyPolicy, putKeyPolicy, type KeyManager } from '../../aws/kms';
import { getQueueAttributes, getQueueUrl } from '../../aws/sqs';
import { nameInResource } from '../resource-name';
import type { AwsCallContext, PlanContext } from '../step-context';
import type { LiveState, StepDefinition } from '../step-definition';

/** The queue (when read through it) and the KMS key it is encrypted with; every key field is null for SSE-SQS or no encryption. */
interface KmsKeyFacts {
  /** How the key was found: through the setup's queue, by its ARN (a restore), or not at all (an offline export). */
  readonly via: 'queue' | 'key-arn' | 'offline';
  /** null when the key was read by its ARN. */
  readonly queueName: string | null;
  readonly queueUrl: string | null;
  /** The queue's KmsMasterKeyId as configured: a key id, alias or ARN. */
  readonly keyId: string | null;
  /** The key's ARN (DescribeKey): what GetKeyPolicy and PutKeyPolicy are called with. */
  readonly keyArn: string | null;
  readonly keyManager: KeyManager | null;
  readonly keyState: string | null;
  /** The account the key belongs to; its policy is read and written only from there (PutKeyPolicy: no cross-account use). */
  readonly keyAccount: string | null;
}

/**
 * The key policy: JSON text as KMS returns it, or the merged document the step proposes. null: no key policy to write
 * (no queue yet, SSE-SQS, no encryption, an AWS managed key or a key of another account).
 */
type KeyPolicy = string | JsonObject | null;

const NO_KEY: Omit<KmsKeyFacts, 'via' | 'queueName' | 'queueUrl'> = { keyId: null, keyArn: null, keyManager: null, keyState: null, keyAccount: null };

/** How a plan context names this step's resource: the queue's key is known only after reading the queue. */
function resourceOf(ctx: Pick<PlanContext, 'queueArn'>): string {
  return `${ctx.queueArn} (KMS key)`;
}

/** True for a resource that is a KMS key ARN (what backups record), rather than the queue's resource text. */
function isKeyArn(resource: string): boolean {
  return parseArn(resource.split(' ')[0] ?? '')?.service === 'kms';
}

/** Reads a key's policy by id, alias or ARN, unless the key is AWS managed or in another account (its policy cannot be written from here). */
async function readKey(
  call: AwsCallContext,
  keyId: string,
  queue: Pick<KmsKeyFacts, 'via' | 'queueName' | 'queueUrl'>,
): Promise<LiveState<KeyPolicy, KmsKeyFacts>> {
  call.progress(`Reading KMS key ${keyId} and its key policy`);
  const key = await describeKey(call.target, keyId, call.signal);
  if (!key) {
    const where = queue.queueName ? `Queue ${queue.queueName} is encrypted with KMS key ${keyId}, which` : `KMS key ${keyId}`;
    throw new ApiFailure(
      apiError('NOT_FOUND', `${where} does not exist or is not visible to ${call.callerArn}: S3 cannot encrypt messages with it.`, {
        fix: "Switch the queue's encryption to an existing customer managed key or to SSE-SQS, then plan again.",
      }),
    );
  }
  const keyAccount = parseArn(key.keyArn)?.account ?? null;
  const facts: KmsKeyFacts = { ...queue, keyId, keyArn: key.keyArn, keyManager: key.keyManager, keyState: key.keyState, keyAccount };
  const callerAccount = parseArn(call.callerArn)?.account ?? null;
  const foreign = keyAccount !== null && callerAccount !== null && callerAccount !== '' && keyAccount !== callerAccount;
  if (key.keyManager === 'AWS' || foreign) return { resource: key.keyArn, document: null, facts };
  const document = await getKeyPolicy(call.target, key.keyArn, call.signal);
  return { resource: key.keyArn, document: document.trim() ? document : null, facts };
}

/** The statements of the key policy with our Sid that let S3 use the key for exactly this setup's bucket. */
function isOursFor(bucketArn: string, sid: string) {
  return (s: unknown) => {
    if (!isJsonObject(s) || s['Sid'] !== sid) return false;
    const sources = conditionValues(s, 'aws:SourceArn');
    return sources.length > 0 && sources.every((arn) => arn === bucketArn);
  };
}

/**
 * Lets S3 use the queue's customer managed KMS key (S3 User Guide, "AWS KMS key policy"; docs/aws-behaviour.md#sqs-queues):
 * our statement is merged into the key policy by Sid, keeping every other statement. A queue without a customer
 * managed key needs nothing; an AWS managed key is refused (its policy cannot change). The key and its policy are
 * never deleted.
 */
export const kmsKeyPolicyStep: StepDefinition<KeyPolicy, KmsKeyFacts> = {
  id: 'kmsKeyPolicy',
  changesNeighbourhood: [],
  resource: resourceOf,
  async read(call, resource) {
    // A backup records the key's ARN: a restore reads and writes the key itself.
    if (isKeyArn(resource)) {
      const arn = resource.split(' ')[0] ?? resource;
      return readKey(call, arn, { via: 'key-arn', queueName: null, queueUrl: null });
    }
    const queueName = nameInResource(resource, 'queue');
    call.progress(`Reading the encryption of queue ${queueName}`);
    const queueUrl = await getQueueUrl(call.target, queueName, call.signal);
    const none = { resource, document: null, facts: { via: 'queue' as const, queueName, queueUrl, ...NO_KEY } };
    if (!queueUrl) return none;
    // All, as the queue steps ask: within one operation the same read answers them all (main/aws/operation-reads.ts).
    const attrs = await getQueueAttributes(call.target, queueUrl, ['All'], call.signal);
    const keyId = attrs.KmsMasterKeyId?.trim() || null;
    if (!keyId) return none;
    // SQS's AWS managed key by alias: refused without a KMS call (the queue step refuses it the same way).
    if (namesAwsManagedSqsKey(keyId)) return { ...none, facts: { ...none.facts, keyId, keyManager: 'AWS' } };
    return readKey(call, keyId, { via: 'queue', queueName, queueUrl });
  },
  offlineLive: (ctx) => ({ resource: resourceOf(ctx), document: null, facts: { via: 'offline', queueName: ctx.setup.queueName, queueUrl: null, ...NO_KEY } }),
  propose(live, ctx) {
    const { keyId, keyArn, keyManager, keyAccount, queueUrl } = live.facts;
    const unchanged = (notes: ReadonlyArray<string>, warnings: ReadonlyArray<string> = []) =>
      ({ ok: true, document: live.document, summary: [], changed: false, notes, warnings }) as const;
    if (keyId === null) {
      if (live.facts.via === 'offline') {
        return unchanged([
          `Nothing is planned here: an offline export cannot read the queue's key. If queue ${ctx.setup.queueName} is encrypted with a customer managed KMS key, apply this step with the wizard, which adds statement ${KMS_KEY_POLICY_SID} to the key policy.`,
        ]);
      }
      if (queueUrl === null) {
        return unchanged([
          `Queue ${ctx.setup.queueName} does not exist yet, and the queue the wizard creates has no customer managed KMS key: nothing is needed here.`,
        ]);
      }
      return unchanged([
        `Queue ${ctx.setup.queueName} is not encrypted with a customer managed KMS key (SSE-SQS or none): S3 needs no key policy statement, so nothing is needed here.`,
      ]);
    }
    if (keyManager === 'AWS') return { ok: false, error: awsManagedKeyRefusal(ctx.setup.queueName, keyId) };
    const ours = kmsKeyStatementForS3(ctx.bucketArn, ctx.bucketOwner);
    if (keyAccount !== null && keyAccount !== ctx.accountId) {
      // PutKeyPolicy has no cross-account use: only the key's own account can add the statement.
      return unchanged(
        [],
        [
          `KMS key ${keyArn ?? keyId} belongs to account ${keyAccount}, and its key policy can be changed only from there. S3 cannot deliver events until an admin of account ${keyAccount} adds this statement to it: ${JSON.stringify(ours)}`,
        ],
      );
    }
    const keyName = keyArn ?? keyId;
    // A customer managed key always has a policy: never write one from nothing (it would lock out the key's administrators).
    if (live.document === null) {
      return {
        ok: false,
        error: apiError('AWS_ERROR', `KMS returned no key policy for ${keyName}.`, { fix: 'Check the key in the KMS console, then plan again.' }),
      };
    }
    const warnings =
      live.facts.keyState !== null && live.facts.keyState !== 'Enabled'
        ? [`KMS key ${keyName} is ${live.facts.keyState}: S3 can use only an enabled key, so no event arrives until it is enabled again.`]
        : [];
    const others = kmsStatementSources(live.document).filter((arn) => arn !== ctx.bucketArn);
    if (others.length > 0) {
      if (kmsStatementCoversBucket(live.document, ctx.bucketArn, ctx.accountId)) {
        return unchanged(
          [
            `Statement ${KMS_KEY_POLICY_SID} of the key policy already lets S3 use the key for this bucket, and also for ${others.join(', ')}: it is kept as it is.`,
          ],
          warnings,
        );
      }
      const error = apiError(
        'CONFLICT',
        `Statement ${KMS_KEY_POLICY_SID} of the policy of KMS key ${keyName} lets S3 use the key for ${others.join(', ')}: another queue encrypted with this key serves that bucket, and replacing the statement would stop its events.`,
        {
          fix: `Add ${ctx.bucketArn} to that statement's aws:SourceArn yourself (KMS console > key > Key policy), or encrypt queue ${ctx.setup.queueName} with a key of its own or SSE-SQS, then plan again.`,
        },
      );
      return { ok: false, error };
    }
    // With an SNS fan-out the topic delivers to the queue, so it needs the key as well.
    const choice = fanOutChoiceOf(ctx);
    const merged = mergeKmsKeyPolicy(live.document, choice.kind === 'design' ? [ours, kmsKeyStatementForTopic(choice.design.topicArn)] : ours);
    if (!merged.ok) return merged;
    return { ...merged, notes: [...merged.notes, `Key ${keyName} and every other statement of its policy are kept as they are.`], warnings };
  },
  proposeRemoval(live, ctx) {
    if (live.facts.keyId === null)
      return { kind: 'keep', notes: ['The queue has no customer managed KMS key (or does not exist): there is no key policy statement to remove.'] };
    if (live.document === null) {
      const why = live.facts.keyManager === 'AWS' ? 'is AWS managed, so its policy cannot be changed' : 'belongs to another account';
      return { kind: 'keep', notes: [`The queue's KMS key ${live.facts.keyArn ?? live.facts.keyId} ${why}: it is left as it is.`] };
    }
    const sid = ctx.neighbourhood.own?.ownership?.kmsKeySid ?? KMS_KEY_POLICY_SID;
    const fanOutSid = (s: unknown) => ctx.neighbourhood.own?.ownership?.fanOut != null && isJsonObject(s) && s['Sid'] === KMS_KEY_POLICY_SNS_SID;
    const removal = withoutOurStatements(live.document, (s) => isOursFor(ctx.bucketArn, sid)(s) || fanOutSid(s), 'key policy');
    if (!removal.ok) return { kind: 'blocked', error: removal.error };
    if (!removal.removed) {
      const shared = kmsStatementSources(live.document, sid).includes(ctx.bucketArn);
      return {
        kind: 'keep',
        notes: [
          shared
            ? `Statement ${sid} of the key policy also serves other buckets, so it is kept; remove ${ctx.bucketArn} from it yourself if no other setup needs it.`
            : `The key policy has no statement ${sid} for ${ctx.bucketArn}.`,
        ],
      };
    }
    // KMS needs a key policy, and the lockout safety check refuses one that would shut out its administrators.
    if (removal.document === null)
      return { kind: 'keep', notes: [`Kept: statement ${sid} is the key policy's only statement, and a key always needs a policy.`] };
    return {
      kind: 'write',
      document: removal.document,
      summary: removal.summary,
      notes: ['The key and every other statement of its policy are kept as they are.'],
    };
  },
  async write(call, live, document) {
    const { keyArn } = live.facts;
    if (keyArn === null || document === null) {
      // Never reached through a plan (no key: nothing to write); a key policy is never deleted.
      throw new ApiFailure(apiError('BAD_INPUT', 'There is no KMS key policy to write: the wizard never deletes a key policy.', { fix: 'Plan again.' }));
    }
    call.progress(`Writing the key policy of KMS key ${keyArn}`);
    await putKeyPolicy(call.target, keyArn, typeof document === 'string' ? document : JSON.stringify(document), call.signal);
    return 'updated';
  },
  // Recorded only when the key policy read back holds our statement (a queue without a customer managed key owns nothing here).
  owns: (_ctx, _created, after) => ({
    kmsKeySid: readableStatements(after).some((s) => s['Sid'] === KMS_KEY_POLICY_SID) ? KMS_KEY_POLICY_SID : null,
  }),
};
