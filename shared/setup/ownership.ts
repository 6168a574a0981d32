import type { Setup } from './setup';

/** What a fan-out changed: its topic (and whether the wizard created it), the rules it replaced as they were, and the subscriptions it made. */
export interface FanOutOwnership {
  readonly topicArn: string;
  readonly topicCreated: boolean;
  /** The bucket rules the fan-out's topic rule replaced, exactly as they were, with their list (remove puts them back). */
  readonly originalRules: ReadonlyArray<{
    readonly kind: 'QueueConfiguration' | 'TopicConfiguration' | 'LambdaFunctionConfiguration';
    readonly config: Readonly<Record<string, unknown>>;
  }>;
  /** The endpoints it subscribed to the topic (former destinations and this setup's queue). */
  readonly endpoints: ReadonlyArray<string>;
}

/**
 * What a setup owns in the account and whether it created it: remove takes out exactly this, and deletes the queue
 * or the role only when the setup created it and nothing else uses it (docs/ARCHITECTURE.md#neighbours).
 */
export interface SetupOwnership {
  /** The setup name written in the sqs-s3-wizard:setup tag of what it created (kept when the setup is renamed). */
  readonly tagName: string;
  readonly queue: { readonly name: string; readonly created: boolean } | null;
  /** The Id of its bucket notification rule. */
  readonly notificationId: string | null;
  /** The Sid of its statement in the queue policy. */
  readonly queuePolicySid: string | null;
  /** The Sid of its statement in the key policy of the queue's customer managed KMS key (null: the queue has none). */
  readonly kmsKeySid: string | null;
  readonly role: { readonly name: string; readonly created: boolean } | null;
  /** The Sids of its trust statements. */
  readonly trustSids: ReadonlyArray<string>;
  /** The SNS fan-out it set up to resolve an overlap (null: none); remove unwinds it from this record. */
  readonly fanOut: FanOutOwnership | null;
  /** Its inline permissions policy on the role. */
  readonly inlinePolicy: string | null;
}

/** Tag keys the wizard writes on a queue or role it creates, so another machine's wizard sees whose it is. */
export const OWNER_TAGS = {
  setup: 'sqs-s3-wizard:setup',
  bucket: 'sqs-s3-wizard:bucket',
  prefix: 'sqs-s3-wizard:prefix',
  suffix: 'sqs-s3-wizard:suffix',
} as const;

/**
 * SQS and IAM tag values allow only letters, digits, white space and _ . : / = + - @, at most 256 characters (SQS
 * Developer Guide, "Tagging"; IAM User Guide, "Tagging IAM resources"): other characters of a prefix become "_".
 * The bucket and scope tags describe; ownership is decided by the setup tag, the saved record and the live wiring.
 */
export function tagValue(text: string): string {
  return text.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
}

/** The tags a setup writes on the queue and the role it creates. */
export function ownerTags(setup: Pick<Setup, 'name' | 'bucket' | 'prefix' | 'suffix'>): Readonly<Record<string, string>> {
  return {
    [OWNER_TAGS.setup]: tagValue(setup.name),
    [OWNER_TAGS.bucket]: tagValue(setup.bucket),
    [OWNER_TAGS.prefix]: tagValue(setup.prefix),
    [OWNER_TAGS.suffix]: tagValue(setup.suffix),
  };
}

/** The setup named by a resource's tags, or null when the wizard did not create it. */
export function taggedSetup(tags: Readonly<Record<string, string>> | null): string | null {
  return tags?.[OWNER_TAGS.setup] ?? null;
}
