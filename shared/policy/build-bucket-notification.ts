import type { FilterRule, QueueConfiguration } from './notification-document';

/** The event type the platform guide subscribes to: every way an object can be created. */
export const OBJECT_CREATED_EVENTS: ReadonlyArray<string> = ['s3:ObjectCreated:*'];

/** Inputs of the bucket notification (guide step 3). */
export interface BucketNotificationInput {
  readonly queueName: string;
  readonly queueArn: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Our one configuration: Id = queue name, FilterRules only for a non-empty prefix/suffix (guide step 3's jq). */
export function buildQueueConfiguration(input: BucketNotificationInput): QueueConfiguration {
  const rules: FilterRule[] = [];
  if (input.prefix !== '') rules.push({ Name: 'prefix', Value: input.prefix });
  if (input.suffix !== '') rules.push({ Name: 'suffix', Value: input.suffix });
  const base = { Id: input.queueName, QueueArn: input.queueArn, Events: [...OBJECT_CREATED_EVENTS] };
  return rules.length > 0 ? { ...base, Filter: { Key: { FilterRules: rules } } } : base;
}
