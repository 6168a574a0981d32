import { isJsonObject } from '../diff/json-object';
import { arnMatch, wildcardMatch } from './wildcard-match';

/** A condition block's verdict; 'unknown' = an operator this evaluator does not model (callers stay conservative). */
export interface ConditionVerdict {
  readonly result: 'true' | 'false' | 'unknown';
  readonly detail: string;
}

type Matcher = (pattern: string, value: string) => boolean;

const MATCHERS: ReadonlyMap<string, { readonly match: Matcher; readonly negated: boolean }> = new Map([
  ['stringequals', { match: (p, v) => p === v, negated: false }],
  ['stringnotequals', { match: (p, v) => p === v, negated: true }],
  ['stringequalsignorecase', { match: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false }],
  ['stringnotequalsignorecase', { match: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true }],
  ['stringlike', { match: (p, v) => wildcardMatch(p, v), negated: false }],
  ['stringnotlike', { match: (p, v) => wildcardMatch(p, v), negated: true }],
  ['arnequals', { match: arnMatch, negated: false }],
  ['arnlike', { match: arnMatch, negated: false }],
  ['arnnotequals', { match: arnMatch, negated: true }],
  ['arnnotlike', { match: arnMatch, negated: true }],
  ['bool', { match: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false }],
]);

function valuesOf(raw: unknown): ReadonlyArray<string> {
  return (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
}

function lookup(context: Readonly<Record<string, string>>, key: string): string | undefined {
  const wanted = key.toLowerCase();
  const found = Object.keys(context).find((k) => k.toLowerCase() === wanted);
  return found === undefined ? undefined : context[found];
}

function checkKey(operator: string, key: string, expected: ReadonlyArray<string>, actual: string | undefined): ConditionVerdict {
  const base = operator.replace(/^for(anyvalue|allvalues):/i, '');
  const ifExists = /ifexists$/i.test(base) && !/^null$/i.test(base);
  const name = (ifExists ? base.slice(0, -'IfExists'.length) : base).toLowerCase();
  const shown = `${operator} ${key}`;
  if (name === 'null') {
    const wantAbsent = expected.some((e) => e.toLowerCase() === 'true');
    const ok = wantAbsent === (actual === undefined);
    return { result: ok ? 'true' : 'false', detail: `${shown} requires the key to be ${wantAbsent ? 'absent' : 'present'}` };
  }
  const matcher = MATCHERS.get(name);
  if (matcher === undefined) return { result: 'unknown', detail: `condition operator ${operator} is not evaluated here` };
  if (actual === undefined) {
    const ok = ifExists || matcher.negated;
    return { result: ok ? 'true' : 'false', detail: `${shown}: the request has no ${key}` };
  }
  const hit = expected.some((e) => matcher.match(e, actual));
  const ok = matcher.negated ? !hit : hit;
  const want = `${matcher.negated ? 'must not match' : 'expects'} ${expected.join(' or ')}`;
  return { result: ok ? 'true' : 'false', detail: `${shown} ${want}; the request has ${actual}` };
}

/** Evaluates a statement's Condition against the request context: every operator and every key must hold (IAM logic). */
export function matchConditions(condition: unknown, context: Readonly<Record<string, string>>): ConditionVerdict {
  if (condition === undefined) return { result: 'true', detail: 'no conditions' };
  if (!isJsonObject(condition)) return { result: 'unknown', detail: 'the Condition element is not an object' };
  let unknown: ConditionVerdict | null = null;
  const held: string[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isJsonObject(block)) return { result: 'unknown', detail: `condition ${operator} is not an object` };
    for (const [key, raw] of Object.entries(block)) {
      const verdict = checkKey(operator, key, valuesOf(raw), lookup(context, key));
      if (verdict.result === 'false') return verdict;
      if (verdict.result === 'unknown') unknown ??= verdict;
      else held.push(verdict.detail);
    }
  }
  return unknown ?? { result: 'true', detail: held.length > 0 ? held.join('; ') : 'no conditions' };
}
