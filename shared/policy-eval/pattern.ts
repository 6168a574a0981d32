import { lookupKey, unknowableKey, type RequestContext } from './request-context';
import { unknown, type Unknown } from './tri';

/** Part of a policy value after variables are put in: text from the policy (wildcards count) or a substituted value (literal). */
export interface PatternPart {
  readonly text: string;
  readonly literal: boolean;
}

/** A policy value (Resource, a condition value) ready to match: its parts in order. */
export type Pattern = ReadonlyArray<PatternPart>;

/** A policy value without variables. */
export function plainPattern(text: string): Pattern {
  return [{ text, literal: false }];
}

/** The pattern's text, wildcards as written. */
export function patternText(pattern: Pattern): string {
  return pattern.map((p) => p.text).join('');
}

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIAL: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/**
 * Puts the request's values into a policy value's variables (IAM User Guide, "Policy variables"): `${aws:username}`,
 * `${key, 'default'}`, and `${*}` `${?}` `${$}` for a literal character. A variable whose key the request lacks makes
 * the comparison false (null); one whose key the check cannot know makes it unknown.
 */
export function expandVariables(text: string, context: RequestContext): Pattern | null | Unknown {
  if (!text.includes('${') || context.literalVariables) return plainPattern(text);
  const parts: PatternPart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), literal: false });
    last = at + match[0].length;
    const inner = (match[1] ?? '').trim();
    const special = SPECIAL[inner];
    if (special !== undefined) {
      parts.push({ text: special, literal: true });
      continue;
    }
    const withDefault = /^([^,]+),\s*'([^']*)'$/.exec(inner);
    const key = (withDefault?.[1] ?? inner).trim();
    const value = lookupKey(context, key);
    if (typeof value === 'string') parts.push({ text: value, literal: true });
    else if (withDefault) parts.push({ text: withDefault[2] ?? '', literal: true });
    else {
      const why = unknowableKey(key, context);
      return why ? unknown('depends', why) : null;
    }
  }
  if (last < text.length) parts.push({ text: text.slice(last), literal: false });
  return parts;
}

/** An ARN with variables put in only after the fifth colon; whether a variable stood before it (compared as written). */
export interface ArnPattern {
  readonly pattern: Pattern | null | Unknown;
  readonly variableInPrefix: boolean;
}

/**
 * An ARN policy value (Resource, ArnLike/ArnEquals) with its variables put in: only in the resource part, after the
 * fifth colon (IAM User Guide, "Policy variables": a variable cannot replace the partition, service, Region or
 * account, and stays as written there).
 */
export function arnPattern(text: string, context: RequestContext): ArnPattern {
  const fifth = text.split(':', 5).join(':').length;
  const head = text.slice(0, fifth);
  const variableInPrefix = head.includes('${');
  if (fifth >= text.length) return { pattern: plainPattern(text), variableInPrefix };
  const tail = expandVariables(text.slice(fifth), context);
  if (tail === null || !Array.isArray(tail)) return { pattern: tail, variableInPrefix };
  return { pattern: [...plainPattern(head), ...(tail as Pattern)], variableInPrefix };
}

/** An ARN pattern with fewer than six colon-separated parts (other than "*"): AWS documents no rule for matching it. */
export function isShortArn(text: string): boolean {
  return text !== '*' && text.split(':').length < 6;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Wildcards of a plain pattern: "*" any run of characters, "?" any one character (StringLike, Action). */
function plainSource(pattern: Pattern): string {
  return pattern
    .map((p) =>
      p.literal
        ? escape(p.text)
        : p.text
            .split('')
            .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escape(c)))
            .join(''),
    )
    .join('');
}

/** True when the value matches the pattern's wildcards ("*", "?"), case-insensitively when asked (actions). */
export function wildcardMatch(pattern: Pattern, value: string, ignoreCase = false): boolean {
  return new RegExp(`^${plainSource(pattern)}$`, ignoreCase ? 'is' : 's').test(value);
}

/**
 * ARN wildcards (IAM User Guide, "Resource": wildcards within the colon-separated segments; a "*" that ends a segment
 * may match past colons). `?` and an inner `*` stay within their segment.
 */
function arnSource(pattern: Pattern): string {
  let source = '';
  for (const part of pattern) {
    if (part.literal) {
      source += escape(part.text);
      continue;
    }
    const text = part.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] ?? '';
      if (c === '*') source += text[i + 1] === ':' || (i + 1 === text.length && part === pattern[pattern.length - 1]) ? '.*' : '[^:]*';
      else if (c === '?') source += '[^:]';
      else source += escape(c);
    }
  }
  return source;
}

/** How an ARN pattern matched: yes, no, or only when the case of partition/service/Region/account is ignored (undocumented). */
export type ArnMatch = boolean | 'case-only';

/** The first five colon-separated fields lower-cased: AWS documents no case rule for them. */
function lowerPrefix(text: string): string {
  const parts = text.split(':');
  return [...parts.slice(0, 5).map((p) => p.toLowerCase()), ...parts.slice(5)].join(':');
}

/** Matches an ARN against an ARN pattern (Resource, ArnLike/ArnEquals); a match that needs another case is "case-only". */
export function arnMatch(pattern: Pattern, value: string): ArnMatch {
  if (new RegExp(`^${arnSource(pattern)}$`, 's').test(value)) return true;
  const lowered = pattern.map((p, i) => (i === 0 ? { ...p, text: lowerPrefix(p.text) } : p));
  return new RegExp(`^${arnSource(lowered)}$`, 's').test(lowerPrefix(value)) ? 'case-only' : false;
}
