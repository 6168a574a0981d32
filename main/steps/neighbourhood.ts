import type { AccountPart, Neighbourhood } from '../../shared/neighbours/neighbourhood';
import { getRole, listAttachedRolePolicies } from '../aws/iam';
import { readInlinePolicies } from '../aws/inline-policies';
import { getBucketNotification } from '../aws/s3';
import { listTopicSubscriptions } from '../aws/sns';
import { getQueueUrl, listQueueTags } from '../aws/sqs';
import { listSetups } from '../store/setups';
import type { PlanChoices } from '../../shared/steps/step-plan';
import { NO_CHOICES, type PlanContext, type StepContext } from './step-context';

/** What an apply run knows after a step: the neighbourhood it last read, and the parts the step's write may have changed. */
export interface EarlierRead {
  readonly neighbourhood: Neighbourhood;
  readonly stale: ReadonlyArray<AccountPart>;
}

/**
 * Everything a plan needs to know about the other users of the setup's resources, read before planning: the other
 * saved setups and this setup's own record (local), the queue's tags, and the role's tags and policies (concurrently).
 * With `earlier` (an apply run, between its steps) the saved setups are read again, since each applied step records on
 * them, and of the account only the parts the last step's write may have changed.
 */
export async function readNeighbourhood(ctx: StepContext, earlier?: EarlierRead): Promise<Neighbourhood> {
  const { target, setup, signal } = ctx;
  if (!earlier) ctx.progress("Looking for other setups and other users of the queue, the role and the bucket's rules");
  const again = (part: AccountPart) => !earlier || earlier.stale.includes(part);
  const queueTags = async () => {
    if (!again('queueTags')) return earlier?.neighbourhood.queueTags ?? null;
    const url = await getQueueUrl(target, setup.queueName, signal);
    return url ? listQueueTags(target, url, signal) : null;
  };
  const role = async () => {
    if (!again('role')) return earlier?.neighbourhood.role ?? null;
    const found = await getRole(target, setup.roleName, signal);
    if (!found) return null;
    const [inlinePolicies, attachedPolicies] = await Promise.all([
      readInlinePolicies(target, setup.roleName, signal),
      listAttachedRolePolicies(target, setup.roleName, signal),
    ]);
    return { tags: found.tags, inlinePolicies: inlinePolicies ?? [], attachedPolicies: attachedPolicies ?? [] };
  };
  // The bucket's rules, for a fan-out's plan; the bucket notification step reads (and reports) them itself.
  const notification = () =>
    again('notification')
      ? getBucketNotification(target, { name: setup.bucket, owner: ctx.bucketOwner }, signal).catch(() => null)
      : Promise.resolve(earlier?.neighbourhood.notification ?? null);
  const [records, tags, roleSurroundings, rules] = await Promise.all([listSetups(ctx.dataDir).catch(() => []), queueTags(), role(), notification()]);
  const own = records.find((r) => r.setup.name === setup.name) ?? null;
  // Who else receives through the fan-out this setup made: a remove unwinds it only when nobody but the original rules does.
  const topicArn = own?.ownership?.fanOut?.topicArn;
  const sameTopic = earlier?.neighbourhood.own?.ownership?.fanOut?.topicArn === topicArn;
  const fanOutEndpoints =
    earlier && sameTopic && !again('fanOutEndpoints')
      ? earlier.neighbourhood.fanOutEndpoints
      : topicArn
        ? (await listTopicSubscriptions(target, topicArn, signal)).map((s) => s.endpoint)
        : null;
  return {
    others: records
      .filter((r) => r.setup.name !== setup.name)
      .map((r) => ({ setup: r.setup, accountId: r.accountId ?? null, ownership: r.ownership ?? null, removed: r.status === 'removed' })),
    own: own ? { setup: own.setup, ownership: own.ownership ?? null } : null,
    queueTags: tags,
    role: roleSurroundings,
    notification: rules,
    fanOutEndpoints,
  };
}

/** The plan context of a step context: the step context with its neighbourhood read, and the admin's choices. */
export async function planContextFor(ctx: StepContext, choices: PlanChoices = NO_CHOICES): Promise<PlanContext> {
  return { ...ctx, neighbourhood: await readNeighbourhood(ctx), choices };
}
