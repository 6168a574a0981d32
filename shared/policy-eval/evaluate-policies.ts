import { isJsonObject } from '../diff/json-object';
import { parsePolicyDocument } from '../diff/parse-policy-document';
import { evaluateStatement } from './evaluate-statement';
import type { NamedPolicy, PolicyDecision, PolicyRequest } from './policy-request';
import { isUnknown, type Unknown } from './tri';

/** A statement that took part, with where it stands. */
interface Found {
  readonly label: string;
  readonly policy: string;
  readonly detail: string;
}

function labelOf(statement: unknown, index: number): string {
  const sid = isJsonObject(statement) ? statement['Sid'] : undefined;
  return typeof sid === 'string' && sid !== '' ? sid : `Statement[${index}]`;
}

function statementsOf(policy: unknown): { readonly statements: ReadonlyArray<unknown>; readonly variables: boolean } | { readonly problem: string } {
  const parsed = parsePolicyDocument(policy);
  if (!parsed.ok) return { problem: parsed.error.message };
  const statement = parsed.value['Statement'];
  // Policy variables work only in Version 2012-10-17; in 2008-10-17 (the default) they are literal text.
  const variables = parsed.value['Version'] === '2012-10-17';
  if (Array.isArray(statement)) return { statements: statement, variables };
  if (isJsonObject(statement)) return { statements: [statement], variables };
  return { problem: 'it has no Statement object or list' };
}

function where(found: Found, many: boolean): string {
  return many ? `${found.label} (${found.policy})` : found.label;
}

/**
 * IAM's evaluation order for one request over a set of policies (IAM User Guide, "Policy evaluation logic"): an
 * explicit Deny anywhere wins, otherwise an Allow decides, otherwise the implicit default deny. A Deny or an Allow that
 * hangs on an unknowable key or an unmodelled operator makes the answer "depends"/"cannot-evaluate" instead of a guess.
 */
export function evaluatePolicies(policies: ReadonlyArray<NamedPolicy>, request: PolicyRequest): PolicyDecision {
  const many = policies.length > 1;
  let allow: Found | null = null;
  const openDenies: Array<Found & { readonly why: Unknown }> = [];
  const openAllows: Array<Found & { readonly why: Unknown }> = [];
  const near: string[] = [];
  const unreadable: string[] = [];
  const caveats: string[] = [];
  for (const { name, document } of policies) {
    const read = statementsOf(document);
    if ('problem' in read) {
      unreadable.push(`${name} could not be read: ${read.problem}`);
      continue;
    }
    const asked = read.variables ? request : { ...request, context: { ...request.context, literalVariables: true } };
    for (const [i, statement] of read.statements.entries()) {
      const found = { label: labelOf(statement, i), policy: name, detail: '' };
      const verdict = evaluateStatement(statement, asked);
      caveats.push(...verdict.caveats);
      const here = { ...found, detail: verdict.detail };
      if (verdict.applies === true && verdict.effect === 'Deny') {
        return {
          status: 'denied',
          allowed: false,
          decidedBy: found.label,
          policy: name,
          reason: `${where(here, many)} explicitly denies ${request.action} (${verdict.detail}); an explicit Deny wins.`,
          caveats,
        };
      }
      if (verdict.applies === true && verdict.effect === 'Allow') allow ??= here;
      else if (isUnknown(verdict.applies)) (verdict.effect === 'Deny' ? openDenies : openAllows).push({ ...here, why: verdict.applies });
      else if (verdict.near && verdict.effect === 'Allow') near.push(`${where(here, many)}: ${verdict.detail}`);
    }
  }
  const open = openDenies[0];
  const mayAlsoDeny = open ? `the Deny ${where(open, many)} may also apply: ${open.why.reason}` : undefined;
  const also = mayAlsoDeny ? { mayAlsoDeny } : {};
  if (allow !== null && open === undefined) {
    return {
      status: 'allowed',
      allowed: true,
      decidedBy: allow.label,
      policy: allow.policy,
      reason: `${where(allow, many)} allows ${request.action} (${allow.detail}).`,
      caveats,
    };
  }
  if (allow !== null && open !== undefined) {
    const reason = `${where(allow, many)} allows ${request.action}, but the Deny ${where(open, many)} may apply: ${open.why.reason}.`;
    return { status: open.why.kind, allowed: false, decidedBy: open.label, policy: open.policy, reason, caveats, ...also };
  }
  const maybe = openAllows[0];
  if (maybe !== undefined) {
    const reason = `Only ${where(maybe, many)} could allow ${request.action}, and whether it does ${maybe.why.kind === 'depends' ? maybe.why.reason : `cannot be decided: ${maybe.why.reason}`}.`;
    return { status: maybe.why.kind, allowed: false, decidedBy: maybe.label, policy: maybe.policy, reason, caveats, ...also };
  }
  const closest = near.length > 0 ? ` Closest: ${near.slice(0, 3).join('; ')}.` : '';
  const alsoDeny = mayAlsoDeny ? ` And ${mayAlsoDeny}.` : '';
  const problems = unreadable.length > 0 ? ` Note: ${unreadable.join('; ')}.` : '';
  return {
    status: 'denied',
    allowed: false,
    decidedBy: null,
    policy: null,
    reason: `No statement allows ${request.action}, so it is denied by default.${closest}${alsoDeny}${problems}`,
    caveats,
    ...also,
  };
}
