import { parsePolicyDocument } from '../../shared/diff/parse-policy-document';
import { arnResourceName } from '../../shared/policy/arns';
import type { AwsTarget } from './client-config';
import { awsFailure, isAwsError, serviceClient } from './clients';

/** The target's SNS client and the package's commands, loaded on first use: only a fan-out, or a rule that sends to a topic, needs it. */
export async function sns(target: AwsTarget) {
  const sdk = await import('@aws-sdk/client-sns');
  return { sdk, client: serviceClient(target, 'SNS', (config) => new sdk.SNSClient(config)) };
}

/** SNS error names for a topic or subscription that does not exist. */
const NOT_FOUND = ['NotFound', 'NotFoundException'];

/** A topic's policy, or null when the topic does not exist (GetTopicAttributes "Policy", parsed). */
export async function getTopicPolicy(target: AwsTarget, topicArn: string, signal?: AbortSignal): Promise<{ readonly policy: unknown } | null> {
  try {
    const { client, sdk } = await sns(target);
    const out = await client.send(new sdk.GetTopicAttributesCommand({ TopicArn: topicArn }), { abortSignal: signal });
    const text = out.Attributes?.['Policy'];
    const parsed = text ? parsePolicyDocument(text) : null;
    return { policy: parsed === null ? null : parsed.ok ? parsed.value : text };
  } catch (err) {
    if (isAwsError(err, NOT_FOUND)) return null;
    throw awsFailure(err, 'sns:GetTopicAttributes', topicArn);
  }
}

/** Creates a standard topic (by name; SNS returns the same ARN if it exists) with the wizard's tags. */
export async function createTopic(target: AwsTarget, topicArn: string, tags: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<void> {
  const name = arnResourceName(topicArn) ?? topicArn;
  try {
    const { client, sdk } = await sns(target);
    await client.send(new sdk.CreateTopicCommand({ Name: name, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 'sns:CreateTopic', topicArn);
  }
}

/** Replaces the topic's access policy. */
export async function setTopicPolicy(target: AwsTarget, topicArn: string, policy: unknown, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await sns(target);
    await client.send(new sdk.SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(policy) }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 'sns:SetTopicAttributes', topicArn);
  }
}

/** Deletes the topic (and with it every subscription left). */
export async function deleteTopic(target: AwsTarget, topicArn: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await sns(target);
    await client.send(new sdk.DeleteTopicCommand({ TopicArn: topicArn }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, NOT_FOUND)) return;
    throw awsFailure(err, 'sns:DeleteTopic', topicArn);
  }
}

/** One subscription with the attributes a fan-out sets. */
export interface TopicSubscription {
  readonly subscriptionArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Every confirmed subscription of the topic with its attributes (ListSubscriptionsByTopic, then GetSubscriptionAttributes). */
export async function listTopicSubscriptions(target: AwsTarget, topicArn: string, signal?: AbortSignal): Promise<ReadonlyArray<TopicSubscription>> {
  const found: Array<{ arn: string; protocol: string; endpoint: string }> = [];
  let next: string | undefined;
  try {
    do {
      const { client, sdk } = await sns(target);
      const out = await client.send(new sdk.ListSubscriptionsByTopicCommand({ TopicArn: topicArn, ...(next ? { NextToken: next } : {}) }), {
        abortSignal: signal,
      });
      for (const s of out.Subscriptions ?? [])
        if (s.SubscriptionArn && s.SubscriptionArn.startsWith('arn:'))
          found.push({ arn: s.SubscriptionArn, protocol: s.Protocol ?? '', endpoint: s.Endpoint ?? '' });
      next = out.NextToken;
    } while (next);
  } catch (err) {
    if (isAwsError(err, NOT_FOUND)) return [];
    throw awsFailure(err, 'sns:ListSubscriptionsByTopic', topicArn);
  }
  return Promise.all(
    found.map(async (s) => {
      try {
        const { client, sdk } = await sns(target);
        const out = await client.send(new sdk.GetSubscriptionAttributesCommand({ SubscriptionArn: s.arn }), { abortSignal: signal });
        return { subscriptionArn: s.arn, protocol: s.protocol, endpoint: s.endpoint, attributes: { ...(out.Attributes ?? {}) } };
      } catch (err) {
        throw awsFailure(err, 'sns:GetSubscriptionAttributes', s.arn);
      }
    }),
  );
}

/** Subscribes an endpoint with its attributes set in the same call (so no message reaches it unfiltered). */
export async function subscribe(
  target: AwsTarget,
  topicArn: string,
  protocol: string,
  endpoint: string,
  attributes: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const { client, sdk } = await sns(target);
    await client.send(
      new sdk.SubscribeCommand({ TopicArn: topicArn, Protocol: protocol, Endpoint: endpoint, Attributes: { ...attributes }, ReturnSubscriptionArn: true }),
      {
        abortSignal: signal,
      },
    );
  } catch (err) {
    throw awsFailure(err, 'sns:Subscribe', topicArn);
  }
}

/** Sets one attribute of a subscription (FilterPolicy, FilterPolicyScope, RawMessageDelivery). */
export async function setSubscriptionAttribute(target: AwsTarget, subscriptionArn: string, name: string, value: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await sns(target);
    await client.send(new sdk.SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: name, AttributeValue: value }), {
      abortSignal: signal,
    });
  } catch (err) {
    throw awsFailure(err, 'sns:SetSubscriptionAttributes', subscriptionArn);
  }
}

/** Removes a subscription. */
export async function unsubscribe(target: AwsTarget, subscriptionArn: string, signal?: AbortSignal): Promise<void> {
  try {
    const { client, sdk } = await sns(target);
    await client.send(new sdk.UnsubscribeCommand({ SubscriptionArn: subscriptionArn }), { abortSignal: signal });
  } catch (err) {
    if (isAwsError(err, NOT_FOUND)) return;
    throw awsFailure(err, 'sns:Unsubscribe', subscriptionArn);
  }
}
