import { randomBytes } from 'node:crypto';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import { classifyMessage } from '../../shared/livetest/classify-message';
import { countOf } from '../../shared/util/count-of';
import { readAhead } from '../../shared/util/read-ahead';
import { diagnoseMissingEvent, FIX_STEP_OF_HOP, type Diagnosis, type FixStep } from '../../shared/livetest/diagnose-missing-event';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import { liveTestObjectKey } from '../../shared/livetest/test-object-key';
import { toApiError } from '../aws/aws-errors';
import { networkOf } from '../aws/client-config';
import { deleteObject, putObject } from '../aws/s3';
import { getQueueUrl, receiveMessages } from '../aws/sqs';
import { appendAudit } from '../store/audit-log';
import type { StepContext } from '../steps/step-context';
import { readDeliveryState } from './read-delivery-state';
import { ForeignMessages } from './foreign-messages';
import { isOwnQueue } from './own-queue';
import { readMaxReceiveCount } from './redrive-limit';
import { deleteTestMessage } from './release-or-delete';

/** Longest long-poll SQS allows (ReceiveMessage WaitTimeSeconds). */
const MAX_WAIT_SECONDS = 20;
/** Pause after a receive that brought only messages already seen, so a backlog is not spun through. */
const BACKLOG_PAUSE_MS = 250;

/**
 * Platform guide step 6: upload a test object in the setup's scope, long-poll the queue until its event arrives (or the deadline,
 * or Cancel), verify the record, hand every other message back (ForeignMessages), delete the test's messages and object.
 */
export async function runLiveTest(ctx: StepContext, timeoutSeconds: number): Promise<LiveTestResult> {
  const { target, setup } = ctx;
  const bucket = { name: setup.bucket, owner: ctx.bucketOwner };
  const queueUrl = await getQueueUrl(target, setup.queueName, ctx.signal);
  if (!queueUrl)
    throw new ApiFailure(apiError('NOT_FOUND', `Queue ${setup.queueName} does not exist.`, { fix: 'Apply the setup first, then run the live test.' }));
  // Read while the test object uploads: only the handling of what arrives needs them (a round trip less before it).
  const maxReceiveCount = readAhead(readMaxReceiveCount(target, queueUrl, ctx.signal));
  const ownQueue = readAhead(isOwnQueue(ctx, queueUrl));
  const key = liveTestObjectKey(setup.prefix, setup.suffix, new Date(), randomBytes(4).toString('hex'));
  ctx.progress(`Uploading s3://${setup.bucket}/${key}`);
  const started = Date.now();
  await putObject(target, bucket, key, 'a,b\n', ctx.signal);
  const uploaded = Date.now();
  await appendAudit(ctx.dataDir, {
    setupName: setup.name,
    step: 'liveTest',
    action: 'upload test object',
    resource: `arn:${ctx.partition}:s3:::${setup.bucket}/${key}`,
    callerArn: ctx.callerArn,
    backupPath: null,
    outcome: 'ok',
    message: 'put',
  });

  const deadline = started + timeoutSeconds * 1000;
  // A long poll stays under half the read timeout, so a stalled connection is never mistaken for a quiet queue.
  const longestWait = Math.max(1, Math.min(MAX_WAIT_SECONDS, Math.floor(networkOf(target).timeouts.readMs / 2000)));
  const seen = new Set<string>();
  const foreign = new ForeignMessages(target, queueUrl, maxReceiveCount, deadline);
  let duplicates = 0;
  const testEvents = new Set<string>();
  let testEventsDeleted = 0;
  let latencyMs: number | null = null;
  let eventName: string | null = null;
  let wrong: string | null = null;
  let cancelled = false;
  let failure: unknown = null;
  let objectDeleted: boolean;
  let redriveMaxReceiveCount: number | null = null;
  const reportWait = () => {
    const elapsedMs = Date.now() - started;
    ctx.progress(`Waiting for the event: ${(elapsedMs / 1000).toFixed(1)} s, ${countOf(seen.size, 'message')} seen`, {
      kind: 'livetest-wait',
      elapsedMs,
      messagesSeen: seen.size,
    });
  };
  // Said once before the first long poll too, which may take up to 20 s to answer.
  reportWait();
  try {
    while (latencyMs === null && wrong === null && Date.now() < deadline) {
      const wait = Math.min(longestWait, Math.max(1, Math.ceil((deadline - Date.now()) / 1000)));
      const messages = await receiveMessages(target, queueUrl, { maxMessages: 10, waitTimeSeconds: wait, visibilityTimeout: 60 }, ctx.signal);
      let fresh = 0;
      for (const m of messages) {
        if (!seen.has(m.messageId)) fresh++;
        seen.add(m.messageId);
        const kind = classifyMessage(m.body, { bucket: setup.bucket, key, region: setup.region });
        if (kind.kind === 'ours') {
          if (latencyMs === null) {
            latencyMs = Date.now() - started;
            eventName = kind.eventName;
          } else duplicates++;
          await deleteTestMessage(target, queueUrl, m.receiptHandle, ctx.signal);
        } else if (kind.kind === 'ours-but-wrong') {
          wrong = kind.problem;
          await deleteTestMessage(target, queueUrl, m.receiptHandle, ctx.signal);
        } else if (kind.kind === 'test-event' && kind.bucket === setup.bucket) {
          // S3's test event for this bucket is never the platform's data: deleted from the setup's own queue, handed back (uncounted) elsewhere.
          testEvents.add(m.messageId);
          if (await ownQueue) {
            await deleteTestMessage(target, queueUrl, m.receiptHandle, ctx.signal);
            testEventsDeleted++;
          } else await foreign.handle(m, ctx.signal, { data: false });
        } else await foreign.handle(m, ctx.signal);
      }
      reportWait();
      if (latencyMs === null && messages.length > 0 && fresh === 0) await new Promise((r) => setTimeout(r, BACKLOG_PAUSE_MS));
    }
    redriveMaxReceiveCount = await maxReceiveCount;
  } catch (err) {
    // A failed call, like Cancel, still deletes the test object below, so the platform never ingests it.
    if (ctx.signal.aborted) cancelled = true;
    else failure = err;
  } finally {
    // Without the signal: cleanup also runs after Cancel.
    [objectDeleted] = await Promise.all([
      deleteObject(target, bucket, key).then(
        () => true,
        () => false,
      ),
      foreign.releaseHeld(),
    ]);
  }
  if (failure !== null) throw withObjectNote(failure, objectDeleted, `s3://${setup.bucket}/${key}`);
  if (cancelled) {
    throw new ApiFailure(
      apiError('CANCELLED', `Live test cancelled after ${((Date.now() - started) / 1000).toFixed(1)} s.`, {
        fix: objectDeleted ? 'Run it again when ready.' : `Run it again when ready. The test object was left behind: s3://${setup.bucket}/${key}`,
      }),
    );
  }
  const ok = latencyMs !== null && wrong === null;
  const diagnosis = ok
    ? null
    : wrong
      ? {
          message: `The event for the test object arrived but is not what the platform expects: ${wrong}.`,
          fix: 'Check the bucket notification configuration.',
          fixStep: 'bucketNotification' as const,
        }
      : withFixStep(
          diagnoseMissingEvent(await readDeliveryState(ctx, queueUrl), {
            region: setup.region,
            bucketArn: ctx.bucketArn,
            queueArn: ctx.queueArn,
            accountId: ctx.bucketOwner,
            key,
          }),
        );
  return {
    ok,
    latencyMs,
    sinceUploadMs: Date.now() - uploaded,
    key,
    bucket: setup.bucket,
    messagesSeen: seen.size,
    released: foreign.releasedCount,
    held: foreign.heldCount,
    redriveMaxReceiveCount,
    duplicates,
    testEvents: testEvents.size,
    testEventsDeleted,
    eventName,
    objectDeleted,
    diagnosis: diagnosis
      ? latencyMs === null && !wrong
        ? `No event for the test object within ${timeoutSeconds} s. ${diagnosis.message}`
        : diagnosis.message
      : null,
    fix: diagnosis?.fix ?? null,
    fixStep: diagnosis?.fixStep ?? null,
    finishedAt: new Date().toISOString(),
  };
}

/** A diagnosis with the step whose plan makes its fix. */
function withFixStep(diagnosis: Diagnosis): Diagnosis & { readonly fixStep: FixStep | null } {
  return { ...diagnosis, fixStep: FIX_STEP_OF_HOP[diagnosis.hop] };
}

/** The failure of a call during the wait, saying whether the test object was cleaned up. */
function withObjectNote(err: unknown, objectDeleted: boolean, object: string): ApiFailure {
  const error = toApiError(err);
  const note = objectDeleted ? `The test object ${object} was deleted.` : `The test object was left behind: ${object}`;
  return new ApiFailure({ ...error, fix: `${error.fix ?? 'Retry.'} ${note}` });
}
