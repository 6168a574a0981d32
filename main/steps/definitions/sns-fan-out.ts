import { compareText } from '../../../shared/util/compare-text';
import { apiError, ApiFailure } from '../../../shared/contract/api-error';
import { documentsEqual } from '../../../shared/diff/semantic-form';
import { parsePolicyDocument } from '../../../shared/diff/parse-policy-document';
import { fanOutChoice, type FanOutChoice } from '../../../shared/fanout/fan-out-choice';
import { FAN_OUT_RULE_ID } from '../../../shared/fanout/fan-out-design';
import {
  destinationProblem,
  NO_FAN_OUT,
  proposeFanOut,
  removeFanOut,
  subscriptionKey,
  type FanOutDocument,
  type SubscriptionState,
} from '../../../shared/fanout/fan-out-document';
import { fanOutTopicArn, TOPIC_TO_FUNCTION_STATEMENT_ID } from '../../../shared/fanout/fan-out-policies';
import { ownerTags } from '../../../shared/setup/ownership';
import { readableStatements } from '../../../shared/neighbours/policy-statements';
import { arnResourceName, parseArn } from '../../../shared/policy/arns';
import { addTopicPermission, getFunctionPolicy, removePermission } from '../../aws/lambda';
import {
  createTopic,
  deleteTopic,
  getTopicPolicy,
  listTopicSubscriptions,
  setSubscriptionAttribute,
  setTopicPolicy,
  subscribe,
  unsubscribe,
} from '../../aws/sns';
import { getQueueAttributes, getQueueUrl, setQueuePolicy } from '../../aws/sqs';
import type { AwsCallContext, PlanContext } from '../step-context';
import type { LiveState, StepDefinition } from '../step-definition';

/** What the read found beside the document: the topic, the subscriptions' ARNs (to change or remove them) and the other teams' queues. */
interface FanOutFacts {
  readonly topicArn: string;
  readonly subscriptionArns: Readonly<Record<string, string>>;
  /** Each other team's queue's attributes (null: the queue does not exist), for the refusal of one SNS cannot deliver to. */
  readonly queues: Readonly<Record<string, Readonly<Record<string, string>> | null>>;
}

const MARK = ' (fan-out; other destinations: ';

/** The choice every taking-part step makes for this setup (shared/fanout/fan-out-choice.ts). */
export function fanOutChoiceOf(ctx: PlanContext, live = ctx.neighbourhood.notification): FanOutChoice {
  return fanOutChoice(
    {
      setup: ctx.setup,
      accountId: ctx.accountId,
      queueArn: ctx.queueArn,
      partition: ctx.partition,
      recorded: ctx.neighbourhood.own?.ownership?.fanOut != null,
    },
    live,
  );
}

/**
 * Whether removing the setup unwinds its whole fan-out: the wizard created the topic, no rule but its own sends to it,
 * and nobody but the rules it replaced (and this setup) is subscribed. The bucket notification step and
 * this step decide it alike, so the original rules come back exactly when the topic goes.
 */
export function fanOutUnwinds(ctx: PlanContext): boolean {
  const recorded = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
  if (recorded === null || !recorded.topicCreated) return false;
  // Once the bucket notification step has put the original rules back, the topic rule is gone: the decision stands.
  const otherRule = (ctx.neighbourhood.notification?.TopicConfigurations ?? []).some((c) => c.Id !== FAN_OUT_RULE_ID && c.TopicArn === recorded.topicArn);
  const subscribed = ctx.neighbourhood.fanOutEndpoints ?? [];
  return !otherRule && subscribed.every((e) => recorded.endpoints.includes(e));
}

/** The topic and the other teams' destinations a plan reads: from the design, and from what the setup recorded (remove). */
function resourceOf(ctx: PlanContext): string {
  const choice = fanOutChoiceOf(ctx);
  const recorded = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
  const topicArn =
    choice.kind === 'design'
      ? choice.design.topicArn
      : (recorded?.topicArn ?? fanOutTopicArn(ctx.setup.bucket, ctx.setup.region, ctx.accountId, ctx.partition));
  const designed = choice.kind === 'design' ? choice.design.subscriptions.map((s) => s.endpoint) : [];
  const others = [...new Set([...designed, ...(recorded?.endpoints ?? [])])].filter((e) => e !== ctx.queueArn).sort();
  return others.length > 0 ? `${topicArn}${MARK}${others.join(', ')})` : topicArn;
}

/** The topic ARN and the other destinations named in a resource (plans and backups write it so). */
function parseResource(resource: string): { readonly topicArn: string; readonly others: ReadonlyArray<string> } {
  const at = resource.indexOf(MARK);
  if (at < 0) return { topicArn: resource.trim(), others: [] };
  const others = resource
    .slice(at + MARK.length)
    .replace(/\)$/, '')
    .split(', ')
    .filter((e) => e !== '');
  return { topicArn: resource.slice(0, at), others };
}

function stateOf(s: { protocol: string; endpoint: string; attributes: Readonly<Record<string, string>> }): SubscriptionState {
  const filter = s.attributes['FilterPolicy'];
  const parsed = filter ? parsePolicyDocument(filter) : null;
  return {
    Protocol: s.protocol,
    Endpoint: s.endpoint,
    RawMessageDelivery: s.attributes['RawMessageDelivery'] === 'true',
    FilterPolicyScope: s.attributes['FilterPolicyScope'] ?? (filter ? 'MessageAttributes' : null),
    FilterPolicy: parsed === null ? null : parsed.ok ? parsed.value : filter,
  };
}

/** Reads the topic, its subscriptions and the other destinations' policies (all concurrently). */
async function readFanOut(call: AwsCallContext, resource: string): Promise<LiveState<FanOutDocument | null, FanOutFacts>> {
  const { topicArn, others } = parseResource(resource);
  call.progress(`Reading SNS topic ${topicArn}, its subscriptions and the policies of ${others.length} other destination(s)`);
  const queueOf = async (arn: string) => {
    const url = await getQueueUrl(call.target, arnResourceName(arn) ?? arn, call.signal);
    return url ? getQueueAttributes(call.target, url, ['Policy', 'KmsMasterKeyId', 'QueueArn'], call.signal) : null;
  };
  const [topic, subscriptions, destinations] = await Promise.all([
    getTopicPolicy(call.target, topicArn, call.signal),
    listTopicSubscriptions(call.target, topicArn, call.signal),
    Promise.all(
      others.map(
        async (arn) => [arn, parseArn(arn)?.service === 'lambda' ? await getFunctionPolicy(call.target, arn, call.signal) : await queueOf(arn)] as const,
      ),
    ),
  ]);
  const queues = Object.fromEntries(destinations.filter(([arn]) => parseArn(arn)?.service === 'sqs')) as Record<
    string,
    Readonly<Record<string, string>> | null
  >;
  const policyOf = (attrs: Readonly<Record<string, string>> | null) => {
    const text = attrs?.['Policy'];
    const parsed = text ? parsePolicyDocument(text) : null;
    return parsed === null ? null : parsed.ok ? parsed.value : text;
  };
  const document: FanOutDocument = {
    Topic: topic ? { Policy: topic.policy } : null,
    Subscriptions: subscriptions.map(stateOf).sort((a, b) => compareText(subscriptionKey(a), subscriptionKey(b))),
    QueuePolicies: Object.fromEntries(Object.entries(queues).map(([arn, attrs]) => [arn, policyOf(attrs)])),
    FunctionPolicies: Object.fromEntries(destinations.filter(([arn]) => parseArn(arn)?.service === 'lambda')),
  };
  const empty = document.Topic === null && document.Subscriptions.length === 0 && others.length === 0;
  return {
    resource,
    document: empty ? null : document,
    facts: { topicArn, subscriptionArns: Object.fromEntries(subscriptions.map((s) => [subscriptionKey(stateOf(s)), s.subscriptionArn])), queues },
  };
}

/** The attributes SNS takes for a subscription of the document. */
function attributesOf(s: SubscriptionState): Record<string, string> {
  return {
    ...(s.Protocol === 'sqs' ? { RawMessageDelivery: String(s.RawMessageDelivery) } : {}),
    ...(s.FilterPolicyScope ? { FilterPolicyScope: s.FilterPolicyScope } : {}),
    ...(s.FilterPolicy !== null && s.FilterPolicy !== undefined ? { FilterPolicy: JSON.stringify(s.FilterPolicy) } : {}),
  };
}

/** True when the function's resource policy has the wizard's statement. */
function hasTopicPermission(policy: unknown): boolean {
  return readableStatements(policy).some((s) => s['Sid'] === TOPIC_TO_FUNCTION_STATEMENT_ID);
}

/**
 * Resolves an overlapping rule with an SNS fan-out (docs/aws-behaviour.md#sns-fan-out): the topic and its policy
 * (S3 may publish), each other team's queue or function allowed to receive from the topic, and one subscription per
 * former destination with raw delivery and its rule's filter. Written in the order that never leaves a destination
 * unreachable: topic, policies, subscriptions; the bucket notification step then points the rules at the topic.
 */
export const snsFanOutStep: StepDefinition<FanOutDocument | null, FanOutFacts> = {
  id: 'snsFanOut',
  // Its write changes the topic's subscriptions.
  changesNeighbourhood: ['fanOutEndpoints'],
  resource: resourceOf,
  read: readFanOut,
  // Without a fan-out chosen or recorded the step changes nothing, whatever the account holds: no SNS call is made.
  needsRead: (ctx) => {
    if (ctx.neighbourhood.own?.ownership?.fanOut != null) return true;
    const choice = fanOutChoiceOf(ctx);
    return choice.kind !== 'no-overlap' && choice.kind !== 'not-chosen';
  },
  offlineLive: (ctx) => ({
    resource: resourceOf(ctx),
    document: null,
    facts: { topicArn: parseResource(resourceOf(ctx)).topicArn, subscriptionArns: {}, queues: {} },
  }),
  propose(live, ctx) {
    const unchanged = (notes: ReadonlyArray<string>) => ({ ok: true, document: live.document, summary: [], changed: false, notes, warnings: [] }) as const;
    const choice = fanOutChoiceOf(ctx);
    if (choice.kind === 'no-overlap') return unchanged(["The setup's rule overlaps no other rule of the bucket: no SNS fan-out is needed."]);
    if (choice.kind === 'not-chosen')
      return unchanged([
        'The rule overlaps another rule of the bucket (see the bucket notification step). Choose "Resolve with an SNS fan-out" there to plan one here.',
      ]);
    if (choice.kind === 'refused') {
      const error = apiError('CONFLICT', `An SNS fan-out cannot reproduce every rule exactly: ${choice.reasons.join('; ')}.`, {
        fix: "Narrow this setup's prefix or suffix (Edit scope), or ask the other rule's owner to change it, then plan again.",
      });
      return { ok: false, error };
    }
    const { design } = choice;
    for (const [arn, attrs] of Object.entries(live.facts.queues)) {
      const problem = design.subscriptions.some((s) => s.endpoint === arn) ? destinationProblem(arn, attrs) : null;
      if (problem) return { ok: false, error: problem };
    }
    const proposal = proposeFanOut(live.document ?? NO_FAN_OUT, design, ctx.queueArn, ctx.setup.bucket, ctx.accountId);
    if (!proposal.ok) return proposal;
    const rules = design.absorbed.map(
      (r) => `${r.label} (prefix "${r.scope.prefix}", suffix "${r.scope.suffix}") now receives through subscription ${r.destination}`,
    );
    return { ...proposal, notes: [...proposal.notes, ...rules], warnings: design.warnings };
  },
  proposeRemoval(live, ctx) {
    const recorded = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
    if (recorded === null || live.document === null) return { kind: 'keep', notes: ['This setup set up no SNS fan-out.'] };
    return removeFanOut(live.document, ctx.queueArn, recorded.topicArn, fanOutUnwinds(ctx));
  },
  async write(call, live, document, ctx) {
    const target = document ?? NO_FAN_OUT;
    const before = live.document ?? NO_FAN_OUT;
    const { topicArn } = live.facts;
    if (target.Topic && !before.Topic) {
      call.progress(`Creating SNS topic ${topicArn}`);
      await createTopic(call.target, topicArn, ctx ? { ...ownerTags(ctx.setup) } : {}, call.signal);
    }
    if (target.Topic && !documentsEqual(target.Topic.Policy, before.Topic?.Policy ?? null)) {
      call.progress(`Writing the access policy of topic ${topicArn}`);
      await setTopicPolicy(call.target, topicArn, target.Topic.Policy, call.signal);
    }
    for (const [arn, policy] of Object.entries(target.QueuePolicies)) {
      if (documentsEqual(policy, before.QueuePolicies[arn] ?? null)) continue;
      call.progress(`Writing the policy of queue ${arn}`);
      const url = await getQueueUrl(call.target, arnResourceName(arn) ?? arn, call.signal);
      if (!url) throw new ApiFailure(apiError('NOT_FOUND', `Queue ${arn} no longer exists.`, { fix: 'Plan again.' }));
      await setQueuePolicy(call.target, url, policy === null ? '' : JSON.stringify(policy), call.signal);
    }
    for (const [arn, policy] of Object.entries(target.FunctionPolicies)) {
      const wanted = hasTopicPermission(policy);
      if (wanted === hasTopicPermission(before.FunctionPolicies[arn] ?? null)) continue;
      call.progress(`${wanted ? 'Allowing' : 'No longer allowing'} topic ${topicArn} to invoke function ${arn}`);
      if (wanted) await addTopicPermission(call.target, arn, TOPIC_TO_FUNCTION_STATEMENT_ID, topicArn, call.signal);
      else await removePermission(call.target, arn, TOPIC_TO_FUNCTION_STATEMENT_ID, call.signal);
    }
    const current = new Map(before.Subscriptions.map((s) => [subscriptionKey(s), s]));
    for (const wanted of target.Subscriptions) {
      const key = subscriptionKey(wanted);
      const existing = current.get(key);
      if (!existing) {
        call.progress(`Subscribing ${wanted.Endpoint} to topic ${topicArn}`);
        await subscribe(call.target, topicArn, wanted.Protocol, wanted.Endpoint, attributesOf(wanted), call.signal);
        continue;
      }
      const arn = live.facts.subscriptionArns[key];
      const have = attributesOf(existing);
      for (const [name, value] of Object.entries(attributesOf(wanted)))
        if (have[name] !== value && arn) await setSubscriptionAttribute(call.target, arn, name, value, call.signal);
    }
    const kept = new Set(target.Subscriptions.map(subscriptionKey));
    for (const gone of before.Subscriptions.filter((s) => !kept.has(subscriptionKey(s)))) {
      const arn = live.facts.subscriptionArns[subscriptionKey(gone)];
      call.progress(`Removing the subscription of ${gone.Endpoint}`);
      if (arn) await unsubscribe(call.target, arn, call.signal);
    }
    if (!target.Topic && before.Topic) {
      call.progress(`Deleting topic ${topicArn}`);
      await deleteTopic(call.target, topicArn, call.signal);
    }
    return before.Topic === null && target.Topic !== null ? 'created' : 'updated';
  },
  owns(ctx, created) {
    const choice = fanOutChoiceOf(ctx);
    if (choice.kind !== 'design') return {};
    const previous = ctx.neighbourhood.own?.ownership?.fanOut ?? null;
    const same = previous?.topicArn === choice.design.topicArn;
    // A re-run (reuse of its own topic) keeps the rules and subscriptions it recorded the first time.
    const originalRules =
      choice.design.absorbed.length > 0 ? choice.design.absorbed.map((r) => ({ kind: r.kind, config: r.config })) : same ? (previous?.originalRules ?? []) : [];
    const endpoints = [...new Set([...(same ? (previous?.endpoints ?? []) : []), ...choice.design.subscriptions.map((s) => s.endpoint)])];
    return { fanOut: { topicArn: choice.design.topicArn, topicCreated: created || (same && previous?.topicCreated === true), originalRules, endpoints } };
  },
};
