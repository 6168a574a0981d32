/** One key filter rule; AWS returns the names capitalised ("Prefix"/"Suffix"), the platform guide writes them lowercase. */
export interface FilterRule {
  readonly Name: string;
  readonly Value: string;
}

/** The Filter element of a notification configuration (S3 API, NotificationConfigurationFilter). */
export interface NotificationFilter {
  readonly Key?: { readonly FilterRules?: ReadonlyArray<FilterRule> };
}

/** Fields every configuration kind shares (S3 API, GetBucketNotificationConfiguration). */
interface ConfigurationBase {
  readonly Id?: string;
  readonly Events: ReadonlyArray<string>;
  readonly Filter?: NotificationFilter;
}

/** S3 -> SQS configuration. */
export interface QueueConfiguration extends ConfigurationBase {
  readonly QueueArn: string;
}

/** S3 -> SNS configuration. */
export interface TopicConfiguration extends ConfigurationBase {
  readonly TopicArn: string;
}

/** S3 -> Lambda configuration. */
export interface LambdaFunctionConfiguration extends ConfigurationBase {
  readonly LambdaFunctionArn: string;
}

/** The whole notification document in the SDK v3 JSON shape; PutBucketNotificationConfiguration replaces all of it. */
export interface BucketNotificationDocument {
  readonly QueueConfigurations?: ReadonlyArray<QueueConfiguration>;
  readonly TopicConfigurations?: ReadonlyArray<TopicConfiguration>;
  readonly LambdaFunctionConfigurations?: ReadonlyArray<LambdaFunctionConfiguration>;
  readonly EventBridgeConfiguration?: Readonly<Record<string, never>>;
}

/** The three list keys of a notification document, in the order AWS returns them. */
export const CONFIGURATION_LISTS = [
  { list: 'QueueConfigurations', kind: 'QueueConfiguration', arnKey: 'QueueArn' },
  { list: 'TopicConfigurations', kind: 'TopicConfiguration', arnKey: 'TopicArn' },
  { list: 'LambdaFunctionConfigurations', kind: 'LambdaFunctionConfiguration', arnKey: 'LambdaFunctionArn' },
] as const;

/** Which kind of destination a configuration sends to. */
export type ConfigurationKind = (typeof CONFIGURATION_LISTS)[number]['kind'];

/** Reads the prefix and suffix of a configuration; rule names compare case-insensitively (AWS returns "Prefix"). */
export function keyFilterOf(filter: NotificationFilter | undefined): { readonly prefix: string; readonly suffix: string } {
  const rules = filter?.Key?.FilterRules ?? [];
  const value = (name: string): string => rules.find((r) => r.Name.toLowerCase() === name)?.Value ?? '';
  return { prefix: value('prefix'), suffix: value('suffix') };
}
