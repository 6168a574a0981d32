import { compareText } from '../util/compare-text';
import { isJsonObject, type JsonObject } from './json-object';
import { normalizeDocument } from './normalize-document';

const VALUE_LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;
const CONFIGURATION_LIST_KEYS = ['QueueConfigurations', 'TopicConfigurations', 'LambdaFunctionConfigurations'] as const;

function sortedStrings(value: unknown, lowerCase = false): ReadonlyArray<string> {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (lowerCase ? String(v).toLowerCase() : String(v))).sort();
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

/** A statement's meaning: one value and a one-element list are the same, list order and action case do not matter. */
export function semanticStatement(statement: unknown): unknown {
  if (!isJsonObject(statement)) return statement;
  const out: Record<string, unknown> = { ...statement };
  for (const key of VALUE_LIST_KEYS) {
    if (key in out) out[key] = sortedStrings(out[key], key.endsWith('Action'));
  }
  for (const key of ['Principal', 'NotPrincipal']) {
    const principal = out[key];
    if (isJsonObject(principal)) out[key] = mapValues(principal, (v) => sortedStrings(v));
  }
  if (isJsonObject(out['Condition'])) {
    out['Condition'] = mapValues(out['Condition'], (block) => mapValues(block, (v) => sortedStrings(v)));
  }
  return out;
}

/** A configuration's meaning: events are a set, filter rule names are case-insensitive ("Prefix" = "prefix"). */
export function semanticConfiguration(configuration: unknown): unknown {
  if (!isJsonObject(configuration)) return configuration;
  const out: Record<string, unknown> = { ...configuration };
  if (Array.isArray(out['Events'])) out['Events'] = sortedStrings(out['Events']);
  const filter = out['Filter'];
  const rules = isJsonObject(filter) && isJsonObject(filter['Key']) ? filter['Key']['FilterRules'] : undefined;
  if (Array.isArray(rules) && rules.length > 0) {
    const normalised = rules
      .map((r: unknown) => (isJsonObject(r) ? { Name: String(r['Name']).toLowerCase(), Value: r['Value'] } : r))
      .sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b)));
    out['Filter'] = { Key: { FilterRules: normalised } };
  } else if (filter !== undefined && (rules === undefined || (Array.isArray(rules) && rules.length === 0))) {
    delete out['Filter'];
  }
  return out;
}

function semanticObject(doc: JsonObject): unknown {
  const out: Record<string, unknown> = { ...doc };
  if (Array.isArray(out['Statement'])) out['Statement'] = out['Statement'].map(semanticStatement);
  for (const key of CONFIGURATION_LIST_KEYS) {
    const list = out[key];
    if (Array.isArray(list) && list.length === 0) delete out[key];
    else if (Array.isArray(list)) out[key] = list.map(semanticConfiguration);
  }
  return out;
}

/** The canonical text of a document's meaning, for equality checks (normalised first, then `semantic*` rules). */
export function semanticKey(doc: unknown): string {
  const normalised = normalizeDocument(doc);
  return JSON.stringify(isJsonObject(normalised) ? semanticObject(normalised) : normalised);
}

/** True when two documents mean the same to AWS; this is the "no change" test of every merge. */
export function documentsEqual(a: unknown, b: unknown): boolean {
  return semanticKey(a) === semanticKey(b);
}

/** The meaning of one statement or configuration taken from an already normalised document, as comparable text. */
export function semanticItemKey(item: unknown, kind: 'statement' | 'configuration'): string {
  return JSON.stringify(kind === 'statement' ? semanticStatement(item) : semanticConfiguration(item));
}

/** True when two policy statements mean the same (merges keep the live one then, so re-runs are "no change"). */
export function sameStatement(a: unknown, b: unknown): boolean {
  return semanticKey({ Statement: [a] }) === semanticKey({ Statement: [b] });
}

/** True when two notification configurations mean the same (AWS returns "Prefix" where the platform guide writes "prefix"). */
export function sameConfiguration(a: unknown, b: unknown): boolean {
  return semanticKey({ QueueConfigurations: [a] }) === semanticKey({ QueueConfigurations: [b] });
}
