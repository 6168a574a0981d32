import { apiError, type ApiError } from '../contract/api-error';
import { parseArn, type Partition } from './arns';
import { CONFIGURATION_LISTS, type BucketNotificationDocument, type ConfigurationKind } from './notification-document';

/** The kind of a rule's destination, as the admin knows it. */
export type DestinationKind = 'queue' | 'topic' | 'function';

const KIND_OF: Readonly<Record<ConfigurationKind, DestinationKind>> = {
  QueueConfiguration: 'queue',
  TopicConfiguration: 'topic',
  LambdaFunctionConfiguration: 'function',
};

/** One rule of the document and where it sends; rules without an Id (S3 assigns one on write) are named by position. */
export interface RuleDestination {
  readonly ruleId: string;
  readonly kind: DestinationKind;
  readonly arn: string;
}

/** What a plan learnt about one destination: it exists, it is gone (S3 would refuse the whole document), or it could not be checked. */
export type DestinationCheck =
  { readonly state: 'exists' } | { readonly state: 'missing'; readonly detail: string } | { readonly state: 'unchecked'; readonly why: string };

/** A kept rule of someone else whose destination no longer exists: the plan blocks on it, or removes it by the admin's choice. */
export interface StaleRule extends RuleDestination {
  readonly detail: string;
  /** True when the admin chose to remove it (it is then gone from the proposed document and shown in the diff). */
  readonly removed: boolean;
}

/** Every rule of a notification document with its destination. */
export function ruleDestinations(document: BucketNotificationDocument | null): ReadonlyArray<RuleDestination> {
  if (!document) return [];
  return CONFIGURATION_LISTS.flatMap(({ list, kind, arnKey }) =>
    ((document[list] ?? []) as unknown as ReadonlyArray<Readonly<Record<string, unknown>>>).map((c, index) => ({
      ruleId: typeof c['Id'] === 'string' ? c['Id'] : `${kind} #${index + 1}`,
      kind: KIND_OF[kind],
      arn: String(c[arnKey] ?? ''),
    })),
  );
}

/**
 * Why the connection cannot check a destination itself (null when it can): another account's queue, topic or
 * function cannot be read from this one, and a destination outside the connection's partition or the bucket's Region
 * is not where this connection's calls go.
 */
export function uncheckableReason(arn: string, scope: { readonly accountId: string; readonly partition: Partition; readonly region: string }): string | null {
  const parts = parseArn(arn);
  if (!parts) return 'it is not a well-formed ARN';
  if (parts.partition !== scope.partition) return `it is in partition ${parts.partition}`;
  if (parts.account !== scope.accountId) return `it belongs to account ${parts.account}, which this connection cannot read`;
  if (parts.region !== scope.region) return `it is in ${parts.region}, not in the bucket's Region ${scope.region}`;
  return null;
}

/** The kept rules (every rule but ours) whose destination a check found missing, marked with the admin's choice. */
export function staleRules(
  document: BucketNotificationDocument | null,
  ourRuleId: string,
  checks: Readonly<Record<string, DestinationCheck>>,
  chosenForRemoval: ReadonlyArray<string>,
): ReadonlyArray<StaleRule> {
  return ruleDestinations(document).flatMap((rule) => {
    const check = checks[rule.arn];
    if (rule.ruleId === ourRuleId || check?.state !== 'missing') return [];
    return [{ ...rule, detail: check.detail, removed: chosenForRemoval.includes(rule.ruleId) }];
  });
}

/** The destinations the plan could not check, for its notes ("could not check: arn (why)"). */
export function uncheckedDestinations(document: BucketNotificationDocument | null, checks: Readonly<Record<string, DestinationCheck>>): ReadonlyArray<string> {
  return [...new Set(ruleDestinations(document).map((r) => r.arn))].flatMap((arn) => {
    const check = checks[arn];
    return check?.state === 'unchecked' ? [`${arn} (${check.why})`] : [];
  });
}

/** The document without the rules with these Ids, every other rule and EventBridge kept as they are. */
export function withoutRules(document: BucketNotificationDocument, ruleIds: ReadonlyArray<string>): BucketNotificationDocument {
  const copy: Record<string, unknown> = { ...document };
  for (const { list } of CONFIGURATION_LISTS) {
    const kept = ((document[list] ?? []) as ReadonlyArray<{ readonly Id?: string }>).filter((c) => !ruleIds.includes(c.Id ?? ''));
    if (kept.length > 0) copy[list] = kept;
    else delete copy[list];
  }
  return copy as BucketNotificationDocument;
}

/**
 * The blocker for stale rules the admin has not chosen to remove: S3 validates every destination of the document on
 * each write, so it would refuse ours too (docs/aws-behaviour.md#destination-validation).
 */
export function staleRulesBlocker(stale: ReadonlyArray<StaleRule>, bucket: string): ApiError | null {
  const open = stale.filter((r) => !r.removed);
  if (open.length === 0) return null;
  const list = open.map((r) => `rule "${r.ruleId}" sends to ${r.kind} ${r.arn}, which ${r.detail}`).join('; ');
  return apiError(
    'CONFLICT',
    `Bucket ${bucket} has ${open.length === 1 ? 'a rule' : `${open.length} rules`} of another team whose destination no longer exists: ${list}. S3 validates every destination on each write of the configuration, so it would refuse this one too ("Unable to validate the following destination configurations").`,
    {
      fix: `Ask the rule's owner to remove or repoint it, then plan again; or choose to remove ${open.length === 1 ? 'it' : 'them'} in this plan (GUI: "Remove rule ..." on the bucket notification step; CLI: ${open.map((r) => `--remove-stale-rule "${r.ruleId}"`).join(' ')}). The removal shows in the diff, and the backup keeps the rule.`,
      resolutions: ['remove-stale-rules'],
    },
  );
}
