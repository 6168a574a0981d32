import { isJsonObject } from '../diff/json-object';
import { arnMatch, arnPattern, expandVariables, isShortArn, patternText, wildcardMatch, type Pattern } from './pattern';
import { lookupKey, unknowableKey, type ContextValue, type RequestContext } from './request-context';
import { isUnknown, triAnd, triNot, triOr, unknown, type Tri } from './tri';

/** A condition block's verdict, with what decided it in words and what it could not be sure of. */
export interface ConditionVerdict {
  readonly result: Tri;
  readonly detail: string;
  /** Undocumented cases decided the safe way (e.g. an ARN that matches only in another case). */
  readonly caveats: ReadonlyArray<string>;
}

/** How a modelled operator compares one policy value with one request value. */
type Comparison = (pattern: Pattern, value: string) => boolean | 'case-only';

/** A modelled operator: how it compares, whether it is negated, and whether its values are ARNs (variables only in the resource part). */
interface Operator {
  readonly compare: Comparison;
  readonly negated: boolean;
  readonly arn?: boolean;
}

/** The string and ARN operators (IAM JSON reference, "Condition operators"); variables are put into their values. */
const COMPARISONS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['stringequals', { compare: (p, v) => patternText(p) === v, negated: false }],
  ['stringnotequals', { compare: (p, v) => patternText(p) === v, negated: true }],
  ['stringequalsignorecase', { compare: (p, v) => patternText(p).toLowerCase() === v.toLowerCase(), negated: false }],
  ['stringnotequalsignorecase', { compare: (p, v) => patternText(p).toLowerCase() === v.toLowerCase(), negated: true }],
  ['stringlike', { compare: (p, v) => wildcardMatch(p, v), negated: false }],
  ['stringnotlike', { compare: (p, v) => wildcardMatch(p, v), negated: true }],
  ['arnequals', { compare: arnMatch, negated: false, arn: true }],
  ['arnlike', { compare: arnMatch, negated: false, arn: true }],
  ['arnnotequals', { compare: arnMatch, negated: true, arn: true }],
  ['arnnotlike', { compare: arnMatch, negated: true, arn: true }],
  ['bool', { compare: (p, v) => patternText(p).toLowerCase() === v.toLowerCase(), negated: false }],
]);

/** Date operators, evaluated only against aws:CurrentTime (the one date the check knows). */
const DATES: ReadonlyMap<string, (policy: number, request: number) => boolean> = new Map([
  ['dateequals', (p, r) => r === p],
  ['datenotequals', (p, r) => r !== p],
  ['datelessthan', (p, r) => r < p],
  ['datelessthanequals', (p, r) => r <= p],
  ['dategreaterthan', (p, r) => r > p],
  ['dategreaterthanequals', (p, r) => r >= p],
]);

/** Operators the engine recognises but does not evaluate: an answer that hangs on them is "cannot evaluate", never a pass. */
const NOT_MODELLED = /^(numeric|ipaddress$|notipaddress$|binaryequals$)/;

/** The operator's parts: set qualifier, the base operator (lower case), IfExists. */
function parseOperator(operator: string): { readonly set: 'all' | 'any' | null; readonly base: string; readonly ifExists: boolean } {
  const set = /^forallvalues:/i.test(operator) ? 'all' : /^foranyvalue:/i.test(operator) ? 'any' : null;
  const rest = operator.replace(/^for(anyvalue|allvalues):/i, '').toLowerCase();
  const ifExists = rest !== 'null' && rest.endsWith('ifexists');
  return { set, base: ifExists ? rest.slice(0, -'ifexists'.length) : rest, ifExists };
}

function valuesOf(raw: unknown): ReadonlyArray<string> {
  return (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
}

function listOf(value: ContextValue): ReadonlyArray<string> {
  return typeof value === 'string' ? [value] : value;
}

interface KeyVerdict {
  readonly result: Tri;
  readonly detail: string;
  readonly caveats: ReadonlyArray<string>;
}

/**
 * One request value against the policy values: true when any policy value matches (values of one key are ORed). A
 * match that needs another case (undocumented) counts as `caseOnly`: the answer that cannot make the statement pass
 * wrongly, noted in the caveats.
 */
function matchesAny(operator: Operator, expected: ReadonlyArray<string>, actual: string, context: RequestContext, caseOnly: boolean, caveats: string[]): Tri {
  return triOr(
    expected.map((raw): Tri => {
      if (operator.arn && isShortArn(raw)) {
        caveats.push(`uncertain: ${raw} has fewer than six ARN parts, which AWS does not document; decided so that it cannot make the statement pass wrongly`);
        return caseOnly;
      }
      const { pattern, variableInPrefix } = operator.arn ? arnPattern(raw, context) : { pattern: expandVariables(raw, context), variableInPrefix: false };
      if (variableInPrefix) caveats.push(`uncertain: ${raw} has a variable before the resource part of the ARN; it was compared as written`);
      // A variable the request cannot fill: that value never holds, negated or not (IAM User Guide, "Policy variables").
      if (pattern === null) return operator.negated;
      if (!Array.isArray(pattern)) return pattern as Tri;
      const hit = operator.compare(pattern as Pattern, actual);
      if (hit !== 'case-only') return hit;
      caveats.push(
        `uncertain: ${raw} matches ${actual} only when the case of the partition, service, Region or account is ignored, which AWS does not document`,
      );
      return caseOnly;
    }),
  );
}

/** Evaluates one key of one operator (IAM User Guide, "Condition operators" and "multivalued context keys"). */
function checkKey(operator: string, key: string, expected: ReadonlyArray<string>, context: RequestContext, effect: 'Allow' | 'Deny'): KeyVerdict {
  const { set, base, ifExists } = parseOperator(operator);
  const shown = `${operator} ${key}`;
  const actual = lookupKey(context, key);
  const why = unknowableKey(key, context);
  if (why) return { result: unknown('depends', `${shown}: ${why}`), detail: `${shown} ${why}`, caveats: [] };
  if (base === 'null') {
    // Values of one key are ORed, so "true" and "false" together always hold.
    const ok = expected.some((e) => (e.toLowerCase() === 'true') === (actual === undefined));
    return { result: ok, detail: `${shown} (${expected.join(', ')}): the key is ${actual === undefined ? 'absent' : 'present'}`, caveats: [] };
  }
  const values = actual === undefined ? [] : listOf(actual);
  if (values.length === 0) {
    // A missing key: set operators (ForAllValues true, ForAnyValue false), then IfExists, then "a negated operator holds".
    const negated = COMPARISONS.get(base)?.negated ?? (base.startsWith('datenot') || base === 'notipaddress' || base === 'numericnotequals');
    const result = set === 'all' ? true : set === 'any' ? false : ifExists || negated;
    return { result, detail: `${shown}: the request has no ${key}`, caveats: [] };
  }
  const comparison = COMPARISONS.get(base);
  const date = DATES.get(base);
  if (!comparison && date && key.toLowerCase() === 'aws:currenttime') {
    const now = Date.parse(values[0] ?? '');
    const result = triOr(expected.map((e) => date(Date.parse(e), now)));
    return { result, detail: `${shown} ${expected.join(' or ')}; now is ${values[0] ?? ''}`, caveats: [] };
  }
  if (!comparison) {
    const what =
      NOT_MODELLED.test(base) || date ? `condition operator ${operator} is not evaluated by the wizard` : `condition operator ${operator} is unknown`;
    return { result: unknown('cannot-evaluate', `${what} (key ${key})`), detail: what, caveats: [] };
  }
  const caveats: string[] = [];
  // The safe answer for a match in another case: an Allow's condition fails, a Deny's holds.
  const caseOnly = (effect === 'Allow') === comparison.negated;
  const perValue = values.map((v): Tri => {
    const hit = matchesAny(comparison, expected, v, context, caseOnly, caveats);
    return comparison.negated ? triNot(hit) : hit;
  });
  const result = set === 'all' ? triAnd(perValue) : triOr(perValue);
  const want = `${comparison.negated ? 'must not match' : 'expects'} ${expected.join(' or ')}`;
  return { result, detail: `${shown} ${want}; the request has ${values.join(', ')}`, caveats };
}

/** Evaluates a statement's Condition against the request context: every operator and every key must hold (IAM logic). */
export function matchConditions(condition: unknown, context: RequestContext, effect: 'Allow' | 'Deny'): ConditionVerdict {
  if (condition === undefined) return { result: true, detail: 'no conditions', caveats: [] };
  if (!isJsonObject(condition))
    return { result: unknown('cannot-evaluate', 'the Condition element is not an object'), detail: 'the Condition element is not an object', caveats: [] };
  const verdicts: KeyVerdict[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isJsonObject(block))
      return { result: unknown('cannot-evaluate', `condition ${operator} is not an object`), detail: `condition ${operator} is not an object`, caveats: [] };
    for (const [key, raw] of Object.entries(block)) verdicts.push(checkKey(operator, key, valuesOf(raw), context, effect));
  }
  const result = triAnd(verdicts.map((v) => v.result));
  const caveats = verdicts.flatMap((v) => v.caveats);
  const failed = verdicts.find((v) => v.result === false);
  const open = verdicts.find((v) => isUnknown(v.result));
  const detail = failed?.detail ?? open?.detail ?? (verdicts.length > 0 ? verdicts.map((v) => v.detail).join('; ') : 'no conditions');
  return { result, detail, caveats };
}
