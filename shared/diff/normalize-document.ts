import { isJsonObject } from './json-object';
import { parsePolicyDocument } from './parse-policy-document';

// Keys an admin expects first, in the order AWS documentation writes them; others follow alphabetically.
const KEY_RANK: ReadonlyMap<string, number> = new Map(
  [
    'Version',
    'Id',
    'Statement',
    'Sid',
    'Effect',
    'Principal',
    'NotPrincipal',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Condition',
    'QueueConfigurations',
    'TopicConfigurations',
    'LambdaFunctionConfigurations',
    'EventBridgeConfiguration',
    'QueueArn',
    'TopicArn',
    'LambdaFunctionArn',
    'Events',
    'Filter',
    'Key',
    'FilterRules',
    'Name',
    'Value',
  ].map((key, rank) => [key, rank]),
);

function compareKeys(a: string, b: string): number {
  const ra = KEY_RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = KEY_RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  }
  return out;
}

/**
 * The comparable, printable form of a document: strings (JSON or URL-encoded, as AWS returns them) parsed, keys in a
 * stable order, a lone `Statement` object listed as a one-element array (IAM accepts both), the SDK's `$metadata` dropped.
 */
export function normalizeDocument(doc: unknown): unknown {
  let value = doc;
  if (typeof doc === 'string') {
    const parsed = parsePolicyDocument(doc);
    if (!parsed.ok) return doc;
    value = parsed.value;
  }
  if (!isJsonObject(value)) return value ?? null;
  const rest: Record<string, unknown> = { ...value };
  delete rest['$metadata'];
  const statement = rest['Statement'];
  if (isJsonObject(statement)) rest['Statement'] = [statement];
  return sortKeys(rest);
}
