import { isJsonObject } from '../diff/json-object';
import { CONFIGURATION_LISTS } from './notification-document';

function lowerCaseRules(configuration: unknown): unknown {
  if (!isJsonObject(configuration)) return configuration;
  const filter = configuration['Filter'];
  const key = isJsonObject(filter) ? filter['Key'] : undefined;
  const rules = isJsonObject(key) ? key['FilterRules'] : undefined;
  if (!isJsonObject(filter) || !isJsonObject(key) || !Array.isArray(rules)) return configuration;
  const renamed = rules.map((r: unknown) => (isJsonObject(r) && typeof r['Name'] === 'string' ? { ...r, Name: r['Name'].toLowerCase() } : r));
  return { ...configuration, Filter: { ...filter, Key: { ...key, FilterRules: renamed } } };
}

/**
 * The notification document as the app PUTs it (main/aws/s3.ts putBucketNotification): filter rule names in lower
 * case, since AWS accepts any case but moto 5 accepts only "prefix"/"suffix" while reads answer "Prefix" (docs/aws-behaviour.md#s3-bucket-notifications).
 */
export function notificationAsSent(document: unknown): unknown {
  if (!isJsonObject(document)) return document;
  const copy: Record<string, unknown> = { ...document };
  for (const { list } of CONFIGURATION_LISTS) {
    const configs = copy[list];
    if (Array.isArray(configs)) copy[list] = configs.map(lowerCaseRules);
  }
  return copy;
}
