import type { ChangeSummary, ChangeSummaryItem } from './change-summary';
import { isJsonObject } from './json-object';
import { normalizeDocument } from './normalize-document';
import { semanticItemKey } from './semantic-form';

interface Item {
  readonly key: string | null;
  readonly label: string;
  readonly kind: string;
  /** The item's meaning as text, so matching and comparing stay linear for documents with 1,000 configurations. */
  readonly meaning: string;
}

const LISTS = [
  ['QueueConfigurations', 'QueueConfiguration'],
  ['TopicConfigurations', 'TopicConfiguration'],
  ['LambdaFunctionConfigurations', 'LambdaFunctionConfiguration'],
] as const;

function stringField(value: unknown, key: string): string | null {
  const field = isJsonObject(value) ? value[key] : undefined;
  return typeof field === 'string' && field !== '' ? field : null;
}

function itemsOf(doc: unknown): ReadonlyArray<Item> {
  if (!isJsonObject(doc)) return [];
  const items: Item[] = [];
  const statements = doc['Statement'];
  if (Array.isArray(statements)) {
    statements.forEach((s: unknown, i) => {
      const sid = stringField(s, 'Sid');
      const label = sid ? `Statement ${sid}` : `Statement [${i}] (no Sid)`;
      items.push({ key: sid && `Statement:${sid}`, label, kind: 'Statement', meaning: semanticItemKey(s, 'statement') });
    });
  }
  for (const [list, kind] of LISTS) {
    const configs = doc[list];
    if (!Array.isArray(configs)) continue;
    configs.forEach((c: unknown, i) => {
      const id = stringField(c, 'Id');
      const label = id ? `${kind} ${id}` : `${kind} [${i}] (no Id)`;
      items.push({ key: id && `${kind}:${id}`, label, kind, meaning: semanticItemKey(c, 'configuration') });
    });
  }
  if (doc['EventBridgeConfiguration'] !== undefined) {
    const meaning = JSON.stringify(doc['EventBridgeConfiguration']);
    items.push({ key: 'EventBridgeConfiguration', label: 'EventBridgeConfiguration', kind: 'EventBridgeConfiguration', meaning });
  }
  return items;
}

/**
 * Matches statements by Sid and configurations by Id (unnamed ones by content) and says what each became.
 * `ours` holds labels of the items the wizard owns: when equal they are 'unchanged' rather than 'kept'.
 */
export function summarizeChanges(before: unknown, after: unknown, ours: ReadonlySet<string> = new Set()): ChangeSummary {
  const old = itemsOf(normalizeDocument(before));
  const byKey = new Map(old.flatMap((item) => (item.key ? [[item.key, item] as const] : [])));
  const used = new Set<Item>();
  const summary: ChangeSummaryItem[] = [];
  for (const item of itemsOf(normalizeDocument(after))) {
    let match = item.key ? byKey.get(item.key) : undefined;
    if (!item.key) {
      match = old.find((o) => !o.key && !used.has(o) && o.kind === item.kind && o.meaning === item.meaning);
    }
    if (!match) {
      summary.push({ kind: 'added', label: item.label });
      continue;
    }
    used.add(match);
    const kind = match.meaning !== item.meaning ? 'replaced' : ours.has(item.label) ? 'unchanged' : 'kept';
    summary.push({ kind, label: item.label });
  }
  for (const item of old) if (!used.has(item)) summary.push({ kind: 'removed', label: item.label });
  return summary;
}
